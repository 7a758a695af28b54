using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed partial class RelativeTimerSmokeTests
{
    private sealed partial class Blinker : Tonic
    {
        public List<(string What, DateTimeOffset At, int Missed)> Fired { get; } = [];

        private void ttse__on_start()
        {
            _ = new RepeatTimer(TimeSpan.FromSeconds(1), name: "blink");
            _ = new SingleShotTimer(TimeSpan.FromSeconds(3.5), name: "stop");
        }

        private void ttse__on_blink(TimerInfo info) => Fired.Add(("blink", info.FiredAt, info.MissedTicks));

        private void ttse__on_tmr_stop() => Finish();
    }

    [Fact]
    public void Repeat_and_single_shot_fire_on_virtual_time_and_die_with_the_owner()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var blinker = distiller.Spawn(() => new Blinker());
        var result = distiller.RunUntilIdle();
        Assert.True(blinker.IsCompleted);
        Assert.Equal([1, 2, 3], blinker.Fired.Select(f => (int)(f.At - start).TotalSeconds));
        Assert.Empty(blinker.Timers);
        Assert.Null(distiller.Clock.NextDue);
        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
    }
}
