using System.Diagnostics;
using TaskTonic.Dataflow.Telemetry;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Telemetry;

/// <summary>Issue 14 item 3: the observed path is taken only while someone listens or a carried trace context is on its way.</summary>
/// <remarks>
/// Runs alone: its listener makes every formula of the process trace, so a test running beside it could still have
/// carried contexts in flight when this one asserts that none are left.
/// </remarks>
[Collection(ProcessWideTelemetry.Name)]
public sealed partial class TelemetryPathTests
{
    private sealed partial class Echo : Tonic
    {
        public List<object?> Seen { get; } = [];

        private void ttsc__hear(int n) => Seen.Add(n);
    }

    [Fact]
    public void OT05_a_carried_context_is_unwrapped_before_the_sparkle_and_the_observed_path_ends_with_the_listener()
    {
        using var source = new ActivitySource("TaskTonic.Dataflow.Tests.OT05");
        var spans = new List<Activity>();
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name || s.Name == TonicTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var distiller = new Distiller();
        var echo = distiller.Spawn(() => new Echo());
        distiller.RunUntilIdle();
        ActivityContext request;
        using (var root = source.StartActivity("request")!)
        {
            request = root.Context;
            echo.Hear(4);
        }

        Assert.True(TonicTelemetry.Observed);
        distiller.RunUntilIdle();
        listener.Dispose();

        Assert.Equal([4], echo.Seen);
        Assert.False(TonicTelemetry.Observed); // nothing listens and no carried context is left
        Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, s => s.Source.Name == TonicTelemetry.Name && s.OperationName == "ttsc__hear");
        }

        Assert.Equal(request.SpanId, span.ParentSpanId);
    }
}
