using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Hosting.Tests.Telemetry;

/// <summary>Passes a number on to the next relay; the last one completes <c>done</c>.</summary>
public sealed partial class Relay(TonicOptions options, Relay? next, TaskCompletionSource? done) : Tonic(options)
{
    private void ttsc__pass(int n)
    {
        if (next is null)
        {
            done?.TrySetResult();
        }
        else
        {
            next.Pass(n + 1);
        }
    }

    private void ttsc__fail(string why) => throw new InvalidOperationException(why);
}

/// <summary>Fires a one-second single-shot timer at start and completes <c>fired</c> from its sparkle.</summary>
public sealed partial class Alarm(TaskCompletionSource fired) : Tonic("ot-alarm")
{
    private void ttse__on_start() => _ = new SingleShotTimer(TimeSpan.FromSeconds(1), name: "tm_ring");

    private void ttse__on_tm_ring() => fired.TrySetResult();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTests
{
    public const string Name = "telemetry";
}
