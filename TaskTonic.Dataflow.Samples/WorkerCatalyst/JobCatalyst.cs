namespace TaskTonic.Dataflow.Samples.WorkerCatalyst;

/// <summary>A worker catalyst with its own thread; its <c>ttse__on_start</c> creates the tonics that live on it.</summary>
public sealed partial class JobCatalyst : Catalyst
{
    private readonly TextWriter _output;

    public JobCatalyst(TextWriter output)
        : base(new CatalystOptions { Name = "jobs", Threading = CatalystThreading.DedicatedThread }) => _output = output;

    private void ttse__on_start()
    {
        _output.WriteLine($"  [{Name}] started on thread {Environment.CurrentManagedThreadId}; creating two job runners on it.");
        for (var i = 1; i <= 2; i++)
        {
            new JobRunner(_output, $"runner-{i}").Run(i * 3);
        }
    }

    private void ttse__on_finished() => _output.WriteLine($"  [{Name}] no tonic left on it: finished, its thread ends.");
}
