using Microsoft.Extensions.Time.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// Relative timers on real catalysts, driven by <see cref="FakeTimeProvider"/>: the test moves the clock and awaits what
/// the tonic reports. Nothing sleeps; every await has a 30 s safety net.
/// </summary>
public sealed class FakeTimeProviderTimerTests
{
    private static readonly DateTimeOffset Origin = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static async Task<(FakeTimeProvider Clock, Formula Formula, Task Run, TimerHost Host)> StartAsync(Action<TimerHost>? onStart = null)
    {
        var clock = new FakeTimeProvider(Origin);
        var formula = new Formula(new FormulaOptions { TimeProvider = clock });
        TimerHost? host = null;
        formula.AddStartingTonic(() => host = new TimerHost(onStart));
        var run = formula.RunAsync();
        await host!.Started.InTime();
        return (clock, formula, run, host);
    }

    private static async Task StopAsync(Task run, TimerHost host)
    {
        host.Finish();
        await run.InTime();
    }

    [Fact]
    public async Task TM06_repeat_fires_every_period_of_the_fake_clock_without_drift()
    {
        var (clock, _, run, host) = await StartAsync(h => _ = new RepeatTimer(OneSecond, name: "tick"));

        for (var k = 1; k <= 200; k++)
        {
            clock.Advance(OneSecond);
            var fire = await host.Fired.NextAsync();
            Assert.Equal("ttse__on_tick", fire.Handler);
            Assert.Equal(Origin.AddSeconds(k), fire.Info.ScheduledAt);
            Assert.Equal(TimeSpan.Zero, fire.Info.Lateness);
        }

        await StopAsync(run, host);
        Assert.False(host.Fired.TryRead(out _));
    }

    [Fact]
    public async Task TM01_a_single_shot_fires_once_and_then_refuses_to_restart()
    {
        SingleShotTimer? timer = null;
        var (clock, _, run, host) = await StartAsync(h => timer = new SingleShotTimer(TimeSpan.FromMilliseconds(50), name: "tm_step", sparkleBack: null));
        clock.Advance(TimeSpan.FromMilliseconds(49));
        await host.RunAsync(_ => { });
        Assert.False(host.Fired.TryRead(out _));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var fire = await host.Fired.NextAsync();

        Assert.Equal("ttse__on_timer", fire.Handler);
        Assert.Equal(new TimerInfo(timer!.Id, "tm_step", Origin.AddMilliseconds(50), Origin.AddMilliseconds(50), 0), fire.Info);
        Assert.True(timer.IsFinished);
        Assert.Throws<InvalidOperationException>(() => timer.Restart());
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.RunAsync(_ => timer.Start()));
        clock.Advance(TimeSpan.FromHours(1));
        await host.RunAsync(_ => { });
        Assert.False(host.Fired.TryRead(out _));
        await StopAsync(run, host);
    }

    [Fact]
    public async Task TM09_pausing_timer_keeps_its_remaining_time_on_the_fake_clock()
    {
        PausingTimer? timer = null;
        var (clock, _, run, host) = await StartAsync(h => timer = new PausingTimer(TimeSpan.FromSeconds(10), name: "tick"));
        clock.Advance(TimeSpan.FromSeconds(4));
        await host.RunAsync(_ => timer!.Pause());
        Assert.Equal(TimeSpan.FromSeconds(6), timer!.Remaining);

        clock.Advance(TimeSpan.FromMinutes(10));
        await host.RunAsync(_ => timer.Resume());
        clock.Advance(TimeSpan.FromSeconds(6));
        var fire = await host.Fired.NextAsync();

        Assert.Equal(Origin + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(10), fire.Info.FiredAt);
        Assert.True(timer.IsPaused);
        await StopAsync(run, host);
    }

    [Fact]
    public async Task TM06_a_blocked_catalyst_gets_one_fire_with_the_missed_ticks_and_the_grid_is_kept()
    {
        RepeatTimer? timer = null;
        var (clock, _, run, host) = await StartAsync(h => timer = new RepeatTimer(OneSecond, name: "tick"));
        clock.Advance(OneSecond);
        Assert.Equal(0, (await host.Fired.NextAsync()).Info.MissedTicks);

        // Block the catalyst on a gate (not on time), move the clock 3.5 periods, then let it go.
        using var gate = new ManualResetEventSlim();
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = host.RunAsync(_ =>
        {
            blocked.SetResult();
            gate.Wait(TimerTestSupport.SafetyNet);
        });
        await blocked.Task.InTime();
        clock.Advance(TimeSpan.FromSeconds(3.5));
        gate.Set();
        await job.InTime();

        var late = await host.Fired.NextAsync();
        Assert.Equal((Origin.AddSeconds(2), Origin.AddSeconds(4.5), 2), (late.Info.ScheduledAt, late.Info.FiredAt, late.Info.MissedTicks));
        Assert.Equal(Origin.AddSeconds(5), timer!.Expiry);

        clock.Advance(TimeSpan.FromSeconds(0.5));
        var onGrid = await host.Fired.NextAsync();
        Assert.Equal((Origin.AddSeconds(5), TimeSpan.Zero, 0), (onGrid.Info.ScheduledAt, onGrid.Info.Lateness, onGrid.Info.MissedTicks));
        await StopAsync(run, host);
    }

    [Fact]
    public async Task A_timer_created_for_a_tonic_on_another_catalyst_fires_on_that_catalyst()
    {
        Catalyst? worker = null;
        TimerHost? remote = null;
        var (clock, _, run, host) = await StartAsync(h =>
        {
            worker = new Catalyst(new CatalystOptions { Name = "worker", Threading = CatalystThreading.DedicatedThread });
            remote = new TimerHost(catalyst: worker);
        });
        await remote!.Started.InTime();
        var workerThread = await remote.EvalAsync(_ => Environment.CurrentManagedThreadId);

        // Created in a sparkle of the host (main catalyst), owned by the remote tonic (worker catalyst).
        var timer = await host.EvalAsync(_ => new RepeatTimer(OneSecond, name: "tick", owner: remote));
        await remote.RunAsync(_ => { });
        Assert.Same(remote, timer.Owner);
        Assert.Empty(host.Timers);

        for (var k = 1; k <= 3; k++)
        {
            clock.Advance(OneSecond);
            var fire = await remote.Fired.NextAsync();
            Assert.Equal(("worker", workerThread), (fire.Catalyst, fire.Thread));
            Assert.Same(remote, fire.ContextTonic);
            Assert.Equal(Origin.AddSeconds(k), fire.Info.FiredAt);
        }

        Assert.False(host.Fired.TryRead(out _));
        remote.Finish();
        await remote.Completion.InTime();
        Assert.True(timer.IsFinished);
        await StopAsync(run, host);
        Assert.True(worker!.IsCompleted);
    }

    [Fact]
    public async Task TM10_finishing_the_tonic_stops_its_timers_on_the_fake_clock()
    {
        var timers = new List<TonicTimer>();
        var (clock, _, run, host) = await StartAsync(h =>
        {
            timers.Add(new RepeatTimer(OneSecond, name: "tick"));
            timers.Add(new SingleShotTimer(TimeSpan.FromSeconds(2)));
            timers.Add(new CalendarTimer(new EveryHourRule(timeZone: TimeZoneInfo.Utc)));
        });
        clock.Advance(OneSecond);
        await host.Fired.NextAsync();

        await StopAsync(run, host);
        clock.Advance(TimeSpan.FromDays(1));

        Assert.False(host.Fired.TryRead(out _));
        Assert.All(timers, t => Assert.True(t.IsFinished));
        Assert.Empty(host.Timers);
    }
}
