using System.Reactive.Linq;
using System.Text.Json;
using Microsoft.Reactive.Testing;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Testing;

public sealed class TraceExportTests : ReactiveTest
{
    private static (Distiller Distiller, RelayHub Hub) RunRelay(int items = 4)
    {
        var distiller = new Distiller();
        RelayHub? hub = null;
        distiller.Formula.AddStartingTonic(() => hub = new RelayHub(items));
        distiller.Start();
        for (var i = 0; i < items; i++)
        {
            hub!.Submit(i, $"item {i}");
        }

        return (distiller, hub!);
    }

    [Fact]
    public void The_json_export_has_one_object_per_sparkle_with_enter_and_exit()
    {
        var (distiller, _) = RunRelay();
        distiller.RunUntil(new Contract().For("hub", t => t.Probe(nameof(RelayHub.Ticks))));

        using var json = JsonDocument.Parse(TraceExport.ToJson(distiller.Trace));

        var root = json.RootElement;
        Assert.Equal("tasktonic-trace", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var sparkles = root.GetProperty("sparkles").EnumerateArray().ToList();
        Assert.Equal(distiller.Trace.Count, sparkles.Count);
        var work = sparkles.First(s => s.GetProperty("sparkle").GetString() == "ttsc__work");
        Assert.Equal("w1", work.GetProperty("tonic").GetString());
        Assert.Equal("c1", work.GetProperty("catalyst").GetString());
        Assert.Equal("(0, \"item 0\", <hub>)", work.GetProperty("arguments").GetString());
        Assert.Equal("hub", work.GetProperty("source").GetProperty("tonic").GetString());
        Assert.Equal("ttsc__submit", work.GetProperty("source").GetProperty("sparkle").GetString());
        Assert.Equal(JsonValueKind.Number, work.GetProperty("sourceIndex").ValueKind);
        var tick = sparkles.First(s => s.GetProperty("sparkle").GetString() == "ttse__on_tick");
        Assert.Equal(0, tick.GetProperty("enter").GetProperty("probes").GetProperty("Ticks").GetInt32());
        Assert.Equal(1, tick.GetProperty("exit").GetProperty("probes").GetProperty("Ticks").GetInt32());
        Assert.Equal("draining", tick.GetProperty("enter").GetProperty("state").GetString());
    }

    [Fact]
    public void The_chrome_export_has_a_lane_per_catalyst_a_slice_per_sparkle_and_flows_from_source_to_target()
    {
        var (distiller, _) = RunRelay();
        distiller.RunUntilIdle();

        using var json = JsonDocument.Parse(TraceExport.ToChromeTrace(distiller.Trace));

        var events = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var lanes = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .ToDictionary(e => e.GetProperty("args").GetProperty("name").GetString()!, e => e.GetProperty("tid").GetInt32());
        Assert.Equal(["tt_main_catalyst", "c1", "c2"], lanes.Keys);
        var slices = events.Where(e => e.GetProperty("ph").GetString() == "X").ToList();
        Assert.Equal(distiller.Trace.Count, slices.Count);
        Assert.All(slices, s => Assert.True(s.GetProperty("dur").GetInt64() >= 1));
        Assert.All(slices.Where(s => s.GetProperty("name").GetString()!.EndsWith(".ttsc__work", StringComparison.Ordinal)),
            s => Assert.NotEqual(lanes["tt_main_catalyst"], s.GetProperty("tid").GetInt32()));

        var starts = events.Where(e => e.GetProperty("ph").GetString() == "s").ToDictionary(e => e.GetProperty("id").GetInt64());
        var finishes = events.Where(e => e.GetProperty("ph").GetString() == "f").ToDictionary(e => e.GetProperty("id").GetInt64());
        Assert.NotEmpty(starts);
        Assert.Equal(starts.Keys.Order(), finishes.Keys.Order());
        var crossLane = 0;
        foreach (var (id, start) in starts)
        {
            var finish = finishes[id];
            Assert.True(start.GetProperty("ts").GetInt64() < finish.GetProperty("ts").GetInt64());
            Assert.Equal("e", finish.GetProperty("bp").GetString());
            crossLane += start.GetProperty("tid").GetInt32() != finish.GetProperty("tid").GetInt32() ? 1 : 0;
        }

        Assert.True(crossLane >= 8, $"expected flows between catalysts, found {crossLane}");
    }

    [Fact]
    public void Chrome_slices_follow_virtual_time_and_nest_hooks_in_their_work_order()
    {
        var (distiller, _) = RunRelay();
        distiller.RunUntilIdle();
        var trace = distiller.Trace;

        using var json = JsonDocument.Parse(TraceExport.ToChromeTrace(trace));

        var slices = json.RootElement.GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == "X")
            .ToDictionary(e => e.GetProperty("args").GetProperty("index").GetInt64());
        var firstTick = trace.First(t => t.Sparkle == "_ttss__timer_expired");
        Assert.True(slices[firstTick.Index].GetProperty("ts").GetInt64() >= 5_000, "the first tick is 5 ms of virtual time in");
        var hook = trace.First(t => t.Depth == 1);
        var parent = trace.Last(t => t.Depth == 0 && t.Index < hook.Index);
        var (hookTs, parentTs) = (slices[hook.Index].GetProperty("ts").GetInt64(), slices[parent.Index].GetProperty("ts").GetInt64());
        Assert.InRange(hookTs, parentTs + 1, parentTs + slices[parent.Index].GetProperty("dur").GetInt64() - 1);
    }

    [Fact]
    public void The_trace_stream_pushes_every_entry_in_trace_order_and_completes_with_the_main_catalyst()
    {
        var (distiller, _) = RunRelay(items: 2);
        var scheduler = new TestScheduler();
        var observer = scheduler.CreateObserver<string>();
        using var subscription = distiller.TraceStream.Select(t => $"{t.TonicName}.{t.Sparkle}").Subscribe(observer);

        distiller.RunUntilIdle();

        var expected = distiller.Trace.Select(t => OnNext(0, $"{t.TonicName}.{t.Sparkle}")).Append(OnCompleted<string>(0)).ToList();
        Assert.Equal(expected, observer.Messages);
    }

    [Fact]
    public void The_trace_stream_can_be_observed_on_a_test_scheduler_in_virtual_ticks()
    {
        var (distiller, _) = RunRelay(items: 2);
        var start = distiller.Clock.GetUtcNow();
        var scheduler = new TestScheduler();
        var observer = scheduler.CreateObserver<long>();
        using var subscription = distiller.TraceStream
            .Where(t => t.Sparkle == "ttse__on_tick")
            .Select(t => (t.EnteredAt - start).Ticks)
            .ObserveOn(scheduler)
            .Subscribe(observer);

        distiller.RunUntilIdle();
        Assert.Empty(observer.Messages);
        scheduler.Start();

        Assert.Equal([OnNext(1, TimeSpan.FromMilliseconds(5).Ticks), OnNext(2, TimeSpan.FromMilliseconds(10).Ticks), OnCompleted<long>(3)],
            observer.Messages);
    }
}
