using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Behaviour reference §2.9 TM-01, TM-07 and TM-08 for <see cref="SingleShotTimer"/>, on the distiller's virtual clock.</summary>
public sealed partial class SingleShotTimerTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>TM-07: a 10 s watchdog kicked every 5 s by a repeat timer, four times.</summary>
    private sealed partial class Guard : Tonic
    {
        private SingleShotTimer? _watchdog;
        private RepeatTimer? _kicker;
        private int _kicks;

        public List<DateTimeOffset> Barks { get; } = [];

        public List<DateTimeOffset> Kicks { get; } = [];

        private void ttse__on_start()
        {
            _watchdog = new SingleShotTimer(TimeSpan.FromSeconds(10), name: "watchdog");
            _kicker = new RepeatTimer(TimeSpan.FromSeconds(5), name: "kick");
        }

        private void ttse__on_kick(TimerInfo info)
        {
            Kicks.Add(info.FiredAt);
            _watchdog!.Restart();
            if (++_kicks == 4)
            {
                _kicker!.Stop();
            }
        }

        private void ttse__on_watchdog(TimerInfo info) => Barks.Add(info.FiredAt);
    }

    /// <summary>Fires <c>ttse__on_timer</c>; the test drives its timers from outside or through <see cref="Do"/>.</summary>
    private sealed partial class Host : Tonic
    {
        private readonly Queue<Action<Host>> _jobs = new();

        public List<TimerInfo> Fired { get; } = [];

        public List<string> Errors { get; } = [];

        public void Do(Action<Host> job)
        {
            _jobs.Enqueue(job);
            Job();
        }

        private void ttsc__job()
        {
            try
            {
                _jobs.Dequeue()(this);
            }
            catch (InvalidOperationException ex)
            {
                Errors.Add(ex.Message);
            }
        }

        private void ttse__on_timer(TimerInfo info) => Fired.Add(info);
    }

    [Fact]
    public void TM07_a_restarted_watchdog_never_fires_until_the_restarts_stop()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var guard = distiller.Spawn(() => new Guard());

        distiller.RunFor(TimeSpan.FromSeconds(29));
        Assert.Equal([5.0, 10, 15, 20], guard.Kicks.Select(k => k.SecondsSince(start)));
        Assert.Empty(guard.Barks);

        distiller.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal([30.0], guard.Barks.Select(b => b.SecondsSince(start)));
        Assert.Empty(guard.Timers.OfType<SingleShotTimer>());
    }

    [Fact]
    public void TM08_start_on_a_running_timer_throws_stop_is_idempotent_and_a_stopped_timer_starts_again()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var host = distiller.Spawn(() => new Host());
        SingleShotTimer? timer = null;
        host.Do(h => timer = new SingleShotTimer(TimeSpan.FromSeconds(5)));
        distiller.RunQueued();

        host.Do(h => timer!.Start());
        host.Do(h => timer!.Stop().Stop());
        distiller.RunQueued();

        Assert.Contains("already running", Assert.Single(host.Errors), StringComparison.Ordinal);
        Assert.False(timer!.IsRunning);
        Assert.False(timer.IsFinished);
        Assert.Null(timer.Expiry);

        distiller.RunFor(TimeSpan.FromSeconds(10));
        Assert.Empty(host.Fired);

        host.Do(h => timer.Start());
        distiller.RunFor(TimeSpan.FromSeconds(10));
        Assert.Equal([15.0], host.Fired.Select(f => f.FiredAt.SecondsSince(start)));
        Assert.True(timer.IsFinished);
    }

    [Fact]
    public void TM08_change_delay_keeps_the_current_expiry_and_applies_from_the_next_restart()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var host = distiller.Spawn(() => new Host());
        SingleShotTimer? timer = null;
        host.Do(h => timer = new SingleShotTimer(TimeSpan.FromSeconds(5)));
        distiller.RunFor(OneSecond);

        host.Do(h => timer!.ChangeDelay(TimeSpan.FromSeconds(2)));
        distiller.RunQueued();
        Assert.Equal(start.AddSeconds(5), timer!.Expiry);
        Assert.Equal(TimeSpan.FromSeconds(2), timer.Delay);

        distiller.RunFor(OneSecond);
        host.Do(h => timer.Restart());
        distiller.RunFor(TimeSpan.FromSeconds(10));

        Assert.Equal([4.0], host.Fired.Select(f => f.FiredAt.SecondsSince(start)));
    }

    [Fact]
    public void Created_stopped_it_waits_for_start_and_calls_chain_on_the_same_timer()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var host = distiller.Spawn(() => new Host());
        var timer = new SingleShotTimer(TimeSpan.FromSeconds(3), name: "lazy", owner: host, start: false);
        distiller.RunFor(TimeSpan.FromSeconds(10));
        Assert.Empty(host.Fired);
        Assert.False(timer.IsRunning);

        // Called from outside the owner, the calls are queued to its catalyst in order.
        var chained = timer.ChangeDelay(TimeSpan.FromSeconds(2)).Restart().Stop().Start();
        Assert.Same(timer, chained);
        distiller.RunFor(TimeSpan.FromSeconds(10));

        var fired = Assert.Single(host.Fired);
        Assert.Equal("lazy", fired.Name);
        Assert.Equal(12.0, fired.FiredAt.SecondsSince(start));
    }

    [Fact]
    public void Finish_stops_it_for_good_and_detaches_it_from_its_owner()
    {
        var distiller = new Distiller();
        var host = distiller.Spawn(() => new Host());
        var timer = new SingleShotTimer(TimeSpan.FromSeconds(3), owner: host);
        Assert.Same(timer, Assert.Single(host.Timers));

        timer.Finish();
        distiller.RunFor(TimeSpan.FromSeconds(10));

        Assert.Empty(host.Fired);
        Assert.Empty(host.Timers);
        Assert.True(timer.IsFinished);
        Assert.Throws<InvalidOperationException>(() => timer.Start());
        Assert.Throws<InvalidOperationException>(() => timer.Restart());
        timer.Stop();
        timer.Finish();
    }

    [Fact]
    public void A_non_positive_delay_is_refused()
    {
        var distiller = new Distiller();
        var host = distiller.Spawn(() => new Host());

        Assert.Throws<ArgumentOutOfRangeException>(() => new SingleShotTimer(TimeSpan.Zero, owner: host));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SingleShotTimer(TimeSpan.FromSeconds(-1), owner: host));
        Assert.Empty(host.Timers);
    }
}
