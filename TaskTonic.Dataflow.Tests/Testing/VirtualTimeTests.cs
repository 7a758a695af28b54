using System.Diagnostics;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Testing;

public sealed partial class VirtualTimeTests
{
    private sealed partial class Scheduler : Tonic
    {
        public List<DateTimeOffset> Ticks { get; } = [];

        private void ttse__on_start()
        {
            _ = new RepeatTimer(TimeSpan.FromMinutes(1), name: "minute");
            _ = new SingleShotTimer(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(30), name: "end_of_day");
        }

        private void ttse__on_minute(TimerInfo info) => Ticks.Add(info.FiredAt);

        private void ttse__on_end_of_day() => Finish();
    }

    [Fact]
    public void A_one_day_schedule_runs_in_milliseconds_on_the_virtual_clock()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var scheduler = distiller.Spawn(() => new Scheduler());

        var result = distiller.RunUntilIdle(TimeSpan.FromDays(2));

        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.Equal(24 * 60, scheduler.Ticks.Count);
        Assert.Equal(start + TimeSpan.FromMinutes(1), scheduler.Ticks[0]);
        Assert.Equal(start + TimeSpan.FromDays(1), scheduler.Ticks[^1]);
        Assert.Equal(start + TimeSpan.FromDays(1) + TimeSpan.FromSeconds(30), distiller.Clock.GetUtcNow());
    }

    [Fact]
    public void The_time_out_is_virtual_and_moves_the_clock_to_the_deadline()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        distiller.Spawn(() => new Scheduler());

        var result = distiller.RunUntilIdle(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.True(result.StoppedBecause(StopReasons.Timeout));
        Assert.Equal(start + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1), distiller.Clock.GetUtcNow());
        Assert.Equal(10, result.Trace.Count(t => t.Sparkle == "ttse__on_minute"));
    }
}
