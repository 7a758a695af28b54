using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using TaskTonic.Dataflow.Telemetry;

namespace TaskTonic.Dataflow.Hosting.Tests.Telemetry;

/// <summary>Issue 14 item 3: the meter's instruments, read through OpenTelemetry's in-memory exporter.</summary>
[Collection(TelemetryTests.Name)]
public sealed class MetricsTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OT03_work_orders_durations_queue_lengths_and_failure_counters_are_measured()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddTaskTonicInstrumentation().AddInMemoryExporter(metrics).Build();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var formula = new Formula(new FormulaOptions { ProjectName = "ot-metrics", MainCatalystName = "ot-m-main" });
        Relay? relay = null;
        formula.AddStartingTonic(() => relay = new Relay(new TonicOptions { Name = "ot-m" }, null, done));
        var run = formula.RunAsync();
        relay!.Fail("once");
        for (var i = 0; i < 99; i++)
        {
            relay.Pass(i);
        }

        await done.Task.WaitAsync(HangGuard);
        while (relay.Catalyst.QueuedWorkOrders > 0)
        {
            await Task.Yield(); // the other 98 passes
        }

        meters.ForceFlush();
        Assert.True(SumLong(metrics, TonicTelemetry.Instruments.WorkOrders, TonicTelemetry.CatalystTag, "ot-m-main") >= 100);
        Assert.True(HistogramCount(metrics, TonicTelemetry.Instruments.SparkleDuration, TonicTelemetry.CatalystTag, "ot-m-main") >= 100);
        Assert.Equal(1, SumLong(metrics, TonicTelemetry.Instruments.DeadLettered, TonicTelemetry.FormulaTag, "ot-metrics"));
        Assert.All(Points(metrics, TonicTelemetry.Instruments.DeadLettered).Where(p => HasTag(p, TonicTelemetry.FormulaTag, "ot-metrics")),
            p => Assert.True(HasTag(p, TonicTelemetry.ReasonTag, "Failed"))); // the one failure, nothing dropped
        Assert.Contains(Points(metrics, TonicTelemetry.Instruments.QueueLength), p => HasTag(p, TonicTelemetry.CatalystTag, "ot-m-main"));

        formula.Ledger.Shutdown();
        await run.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task OT04_timer_lateness_is_recorded_on_the_formula_clock()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddTaskTonicInstrumentation().AddInMemoryExporter(metrics).Build();
        var clock = new FakeTimeProvider();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var formula = new Formula(new FormulaOptions { TimeProvider = clock, MainCatalystName = "ot-t-main" });
        formula.AddStartingTonic(() => new Alarm(fired));
        var run = formula.RunAsync();
        while (!fired.Task.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Yield();
        }

        meters.ForceFlush();
        Assert.Equal(1, HistogramCount(metrics, TonicTelemetry.Instruments.TimerLateness, TonicTelemetry.CatalystTag, "ot-t-main"));
        formula.Ledger.Shutdown();
        await run.WaitAsync(HangGuard);
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    private static long SumLong(List<Metric> metrics, string name, string key, string value) =>
        Points(metrics, name).Where(p => HasTag(p, key, value)).Select(p => p.GetSumLong()).LastOrDefault();

    private static long HistogramCount(List<Metric> metrics, string name, string key, string value) =>
        Points(metrics, name).Where(p => HasTag(p, key, value)).Select(p => p.GetHistogramCount()).LastOrDefault();
}
