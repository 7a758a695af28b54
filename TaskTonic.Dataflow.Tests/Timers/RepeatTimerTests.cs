using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Behaviour reference §2.9 TM-06 and TM-08, §4.3 item 25: <see cref="RepeatTimer"/> cadence and catch-up, on virtual time.</summary>
public sealed partial class RepeatTimerTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private sealed partial class Metronome : Tonic
    {
        private readonly VirtualClock _clock;
        private readonly TimeSpan _period;
        private readonly RepeatCatchUp _catchUp;

        public Metronome(VirtualClock clock, TimeSpan period, RepeatCatchUp catchUp = RepeatCatchUp.Skip)
        {
            _clock = clock;
            _period = period;
            _catchUp = catchUp;
        }

        public RepeatTimer? Timer { get; private set; }

        public List<TimerInfo> Fired { get; } = [];

        /// <summary>Virtual time every beat handler takes (it moves the clock while it runs).</summary>
        public TimeSpan WorkPerBeat { get; set; }

        /// <summary>Runs on every beat after it is recorded.</summary>
        public Action<Metronome, TimerInfo>? AfterBeat { get; set; }

        private void ttse__on_start() => Timer = new RepeatTimer(_period, name: "beat", catchUp: _catchUp);

        private void ttse__on_beat(TimerInfo info)
        {
            Fired.Add(info);
            if (WorkPerBeat > TimeSpan.Zero)
            {
                _clock.Advance(WorkPerBeat);
            }

            AfterBeat?.Invoke(this, info);
        }

        /// <summary>Blocks the catalyst for <paramref name="seconds"/> of virtual time.</summary>
        private void ttsc__busy(double seconds) => _clock.Advance(TimeSpan.FromSeconds(seconds));
    }

    private static (Distiller Distiller, DateTimeOffset Start, Metronome Metronome) Run(TimeSpan period, RepeatCatchUp catchUp = RepeatCatchUp.Skip)
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var metronome = distiller.Spawn(() => new Metronome(distiller.Clock, period, catchUp));
        return (distiller, start, metronome);
    }

    private static IEnumerable<(double Scheduled, double Fired, int Missed)> Seconds(Metronome metronome, DateTimeOffset start) =>
        metronome.Fired.Select(f => (f.ScheduledAt.SecondsSince(start), f.FiredAt.SecondsSince(start), f.MissedTicks));

    [Fact]
    public void TM06_repeat_keeps_its_grid_without_drift_over_1000_periods_even_when_each_handler_takes_time()
    {
        var period = TimeSpan.FromMilliseconds(100);
        var (distiller, start, metronome) = Run(period);
        metronome.WorkPerBeat = TimeSpan.FromMilliseconds(30);

        distiller.RunUntil(() => metronome.Fired.Count == 1000, TimeSpan.FromMinutes(5));

        Assert.Equal(1000, metronome.Fired.Count);
        for (var i = 0; i < metronome.Fired.Count; i++)
        {
            var info = metronome.Fired[i];
            Assert.Equal(start + (period * (i + 1)), info.ScheduledAt);
            Assert.Equal(TimeSpan.Zero, info.Lateness);
            Assert.Equal(0, info.MissedTicks);
        }

        Assert.Equal(start + TimeSpan.FromSeconds(100) + TimeSpan.FromMilliseconds(30), distiller.Clock.GetUtcNow());
        Assert.Equal(start + TimeSpan.FromSeconds(100.1), metronome.Timer!.Expiry);
    }

    [Fact]
    public void TM06_catch_up_skip_fires_once_reports_the_missed_ticks_and_keeps_the_grid()
    {
        var (distiller, start, metronome) = Run(OneSecond);
        Assert.Equal(RepeatCatchUp.Skip, new RepeatTimer(OneSecond, sparkleBack: _ => { }, owner: metronome, start: false).CatchUp);
        distiller.RunFor(OneSecond);

        metronome.Busy(3.5);
        distiller.RunFor(TimeSpan.FromSeconds(1.5));

        Assert.Equal([(1.0, 1.0, 0), (2.0, 4.5, 2), (5.0, 5.0, 0), (6.0, 6.0, 0)], Seconds(metronome, start));
        Assert.Equal(TimeSpan.FromSeconds(2.5), metronome.Fired[1].Lateness);
    }

    [Fact]
    public void TM06_catch_up_burst_fires_every_missed_period_back_to_back()
    {
        var (distiller, start, metronome) = Run(OneSecond, RepeatCatchUp.Burst);
        distiller.RunFor(OneSecond);

        metronome.Busy(3.5);
        distiller.RunFor(TimeSpan.FromSeconds(1.5));

        Assert.Equal(
            [(1.0, 1.0, 0), (2.0, 4.5, 0), (3.0, 4.5, 0), (4.0, 4.5, 0), (5.0, 5.0, 0), (6.0, 6.0, 0)],
            Seconds(metronome, start));
    }

    [Fact]
    public void A_handler_that_stops_the_timer_ends_a_burst()
    {
        var (distiller, start, metronome) = Run(OneSecond, RepeatCatchUp.Burst);
        metronome.AfterBeat = (m, info) =>
        {
            if (info.FiredAt > info.ScheduledAt)
            {
                m.Timer!.Stop();
            }
        };
        distiller.RunFor(OneSecond);

        metronome.Busy(3.5);
        distiller.RunFor(TimeSpan.FromSeconds(5));

        Assert.Equal([(1.0, 1.0, 0), (2.0, 4.5, 0)], Seconds(metronome, start));
        Assert.False(metronome.Timer!.IsRunning);
    }

    [Fact]
    public void A_handler_that_restarts_the_timer_ends_a_burst_and_starts_a_new_grid()
    {
        var (distiller, start, metronome) = Run(OneSecond, RepeatCatchUp.Burst);
        metronome.AfterBeat = (m, info) =>
        {
            if (info.FiredAt > info.ScheduledAt)
            {
                m.Timer!.Restart();
            }
        };
        distiller.RunFor(OneSecond);

        metronome.Busy(3.5);
        distiller.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal([(1.0, 1.0, 0), (2.0, 4.5, 0), (5.5, 5.5, 0), (6.5, 6.5, 0)], Seconds(metronome, start));
    }

    [Fact]
    public void TM08_change_period_keeps_the_scheduled_expiry_and_applies_after_it()
    {
        var (distiller, start, metronome) = Run(OneSecond);
        metronome.AfterBeat = (m, info) =>
        {
            if (m.Fired.Count == 2)
            {
                m.Timer!.ChangePeriod(TimeSpan.FromSeconds(3));
            }
        };

        distiller.RunFor(TimeSpan.FromSeconds(9));

        Assert.Equal([1.0, 2, 3, 6, 9], metronome.Fired.Select(f => f.FiredAt.SecondsSince(start)));
        Assert.Equal(TimeSpan.FromSeconds(3), metronome.Timer!.Period);
    }

    [Fact]
    public void TM08_stop_start_and_restart_schedule_from_now()
    {
        var (distiller, start, metronome) = Run(OneSecond);
        distiller.RunFor(TimeSpan.FromSeconds(2.5));

        metronome.Timer!.Stop();
        distiller.RunQueued();
        Assert.False(metronome.Timer.IsRunning);
        Assert.Null(metronome.Timer.Expiry);
        distiller.RunFor(TimeSpan.FromSeconds(1.5));

        metronome.Timer.Start();
        distiller.RunFor(TimeSpan.FromSeconds(2.5));

        metronome.Timer.Restart();
        distiller.RunFor(TimeSpan.FromSeconds(1.5));

        Assert.Equal([1.0, 2, 5, 6, 7.5], metronome.Fired.Select(f => f.FiredAt.SecondsSince(start)));
    }

    [Fact]
    public void Calls_chain_on_the_same_timer_and_a_timer_created_stopped_waits_for_start()
    {
        var (distiller, start, metronome) = Run(OneSecond);
        distiller.RunQueued();
        var slow = new RepeatTimer(TimeSpan.FromSeconds(4), name: "beat", owner: metronome, start: false);
        distiller.RunFor(TimeSpan.FromSeconds(2));
        Assert.False(slow.IsRunning);

        Assert.Same(metronome.Timer, metronome.Timer!.ChangePeriod(TimeSpan.FromSeconds(2)).Stop().Start());
        Assert.Same(slow, slow.Start());
        distiller.RunFor(TimeSpan.FromSeconds(4));

        // The metronome's timer: 1, 2 (period 1 s), restarted at 2 with 2 s: 4, 6. The slow one: 6.
        Assert.Equal(
            [("beat", 1.0), ("beat", 2), ("beat", 4), ("beat", 6), ("beat", 6)],
            metronome.Fired.Select(f => (f.Name, f.FiredAt.SecondsSince(start))));
        Assert.Equal(2, metronome.Fired.Count(f => f.FiredAt.SecondsSince(start) == 6));
        Assert.Equal(2, metronome.Timers.Count);
    }

    [Fact]
    public void A_non_positive_period_is_refused_and_leaves_nothing_behind()
    {
        var (distiller, _, metronome) = Run(OneSecond);
        distiller.RunQueued();

        Assert.Throws<ArgumentOutOfRangeException>(() => new RepeatTimer(TimeSpan.Zero, name: "beat", owner: metronome));
        Assert.Throws<ArgumentOutOfRangeException>(() => metronome.Timer!.ChangePeriod(TimeSpan.FromMilliseconds(-1)));
        Assert.Same(metronome.Timer, Assert.Single(metronome.Timers));
    }
}
