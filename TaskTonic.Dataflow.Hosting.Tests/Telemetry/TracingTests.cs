using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TaskTonic.Dataflow.Telemetry;

namespace TaskTonic.Dataflow.Hosting.Tests.Telemetry;

/// <summary>Issue 14 item 3: a span per sparkle, parented by the sparkle that posted it, across catalysts.</summary>
[Collection(TelemetryTests.Name)]
public sealed class TracingTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly ActivitySource s_test = new("TaskTonic.Dataflow.Hosting.Tests");

    [Fact]
    public async Task OT01_a_trace_follows_a_message_across_tonics_and_catalysts()
    {
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(s_test.Name).AddTaskTonicInstrumentation().AddInMemoryExporter(spans).Build())
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var formula = new Formula(new FormulaSettings { ProjectName = "ot-trace" });
            Relay? first = null;
            formula.AddStartingTonic(() =>
            {
                var worker = new Catalyst(new CatalystOptions { Name = "ot-worker" });
                var last = new Relay(new TonicOptions { Name = "ot-c" }, null, done);
                var mid = new Relay(new TonicOptions { Name = "ot-b", Catalyst = worker }, last, null);
                return first = new Relay(new TonicOptions { Name = "ot-a" }, mid, null);
            });
            var run = formula.RunAsync();

            ActivityContext request;
            using (var root = s_test.StartActivity("request")!)
            {
                request = root.Context;
                first!.Pass(0);
            }

            await done.Task.WaitAsync(HangGuard);
            formula.Ledger.Shutdown();
            await run.WaitAsync(HangGuard);
            tracing.ForceFlush();

            Activity Hop(string tonic) => Assert.Single(spans, s =>
                Equals(s.GetTagItem(TonicTelemetry.TonicTag), tonic) && Equals(s.GetTagItem(TonicTelemetry.SparkleTag), "ttsc__pass"));
            var (a, b, c) = (Hop("ot-a"), Hop("ot-b"), Hop("ot-c"));
            Assert.All(new[] { a, b, c }, s => Assert.Equal(request.TraceId, s.TraceId));
            Assert.Equal(request.SpanId, a.ParentSpanId);
            Assert.Equal(a.SpanId, b.ParentSpanId);
            Assert.Equal(b.SpanId, c.ParentSpanId);
            Assert.Equal("ot-worker", b.GetTagItem(TonicTelemetry.CatalystTag));
            Assert.Equal("Relay.ttsc__pass", b.DisplayName);
            Assert.Equal(TonicTelemetry.Name, b.Source.Name);
        }
    }

    [Fact]
    public async Task OT02_a_failed_sparkle_has_an_error_span_and_user_code_never_sees_the_carried_context()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(s_test.Name).AddTaskTonicInstrumentation().AddInMemoryExporter(spans).Build();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var formula = new Formula(new FormulaSettings { ProjectName = "ot-fail" });
        Relay? relay = null;
        formula.AddStartingTonic(() => relay = new Relay(new TonicOptions { Name = "ot-f" }, null, done));
        var letterLog = new LetterLog();
        using var subscription = formula.Ledger.DeadLetters.Subscribe(letterLog);
        var run = formula.RunAsync();
        using (s_test.StartActivity("request"))
        {
            relay!.Fail("boom");
            relay.Pass(1);
        }

        await done.Task.WaitAsync(HangGuard);
        formula.Ledger.Shutdown();
        await run.WaitAsync(HangGuard);
        tracing.ForceFlush();

        var failed = Assert.Single(spans, s => Equals(s.GetTagItem(TonicTelemetry.SparkleTag), "ttsc__fail"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(1, formula.Ledger.FailureCount); // Pass(1) got its int, not the carried context

        using (s_test.StartActivity("late request"))
        {
            relay.Pass(5); // the relay has completed: dropped, and the dead letter holds the plain argument
        }

        var letters = letterLog.ToList();
        Assert.Equal("boom", Assert.Single(letters, l => l.Reason == DeadLetters.DeadLetterReason.Failed).Arguments);
        Assert.Equal(5, Assert.Single(letters, l => l.Reason != DeadLetters.DeadLetterReason.Failed).Arguments);
    }

    private sealed class LetterLog : IObserver<DeadLetters.DeadLetter>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<DeadLetters.DeadLetter> _letters = new();

        public List<DeadLetters.DeadLetter> ToList() => [.. _letters];

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(DeadLetters.DeadLetter value) => _letters.Enqueue(value);
    }
}
