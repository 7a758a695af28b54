namespace TaskTonic.Dataflow.Tests.Telemetry;

/// <summary>Tests that listen to the runtime's process-wide telemetry and assert its global state: run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetry
{
    public const string Name = "process-wide telemetry";
}
