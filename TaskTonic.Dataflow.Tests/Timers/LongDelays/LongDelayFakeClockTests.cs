using Microsoft.Extensions.Time.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// Timers due further ahead than a system timer can wait at once (about 49.7 days) on real catalysts driven by
/// <see cref="FakeTimeProvider"/>: they arm, wait in steps, and fire at their exact instant without drift.
/// </summary>
public sealed class LongDelayFakeClockTests
{
    private static readonly DateTimeOffset Origin = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static async Task<(FakeTimeProvider Clock, Task Run, TimerHost Host)> StartAsync()
    {
        var clock = new FakeTimeProvider(Origin);
        var formula = new Formula(new FormulaOptions { TimeProvider = clock });
        TimerHost? host = null;
        formula.AddStartingTonic(() => host = new TimerHost());
        var run = formula.RunAsync();
        await host!.Started.InTime();
        return (clock, run, host);
    }

    /// <summary>Moves the clock to one second before <paramref name="due"/>, checks nothing fired, then to <paramref name="due"/>.</summary>
    private static async Task<TimerFire> AdvanceToAsync(FakeTimeProvider clock, TimerHost host, DateTimeOffset due)
    {
        clock.Advance(due - OneSecond - clock.GetUtcNow());
        await host.RunAsync(_ => { }).InTime(); // the wake-ups on the way were handled: the last step is armed
        Assert.False(host.Fired.TryRead(out var early), $"fired early: {early}");
        clock.Advance(OneSecond);
        return await host.Fired.NextAsync();
    }

    [Fact]
    public async Task LD01_a_100_day_single_shot_fires_at_its_instant()
    {
        var (clock, run, host) = await StartAsync();
        var timer = await host.EvalAsync(_ => new SingleShotTimer(TimeSpan.FromDays(100), name: "watchdog")).InTime();

        var fire = await AdvanceToAsync(clock, host, Origin.AddDays(100));

        Assert.Equal("ttse__on_watchdog", fire.Handler);
        Assert.Equal(new TimerInfo(timer.Id, "watchdog", Origin.AddDays(100), Origin.AddDays(100), 0), fire.Info);
        Assert.True(timer.IsFinished);
        host.Finish();
        await run.InTime();
    }

    [Fact]
    public async Task LD02_a_one_year_repeat_fires_twice_each_a_period_after_the_previous_expiry()
    {
        var (clock, run, host) = await StartAsync();
        var period = TimeSpan.FromDays(365);
        await host.EvalAsync(_ => new RepeatTimer(period, name: "tick")).InTime();

        var first = await AdvanceToAsync(clock, host, Origin + period);
        var second = await AdvanceToAsync(clock, host, Origin + period + period);

        Assert.Equal((Origin + period, TimeSpan.Zero, 0), (first.Info.ScheduledAt, first.Info.Lateness, first.Info.MissedTicks));
        Assert.Equal((Origin + period + period, TimeSpan.Zero, 0), (second.Info.ScheduledAt, second.Info.Lateness, second.Info.MissedTicks));
        host.Finish();
        await run.InTime();
    }

    [Fact]
    public async Task LD03_a_yearly_calendar_timer_fires_this_year_and_after_its_re_arm_next_year()
    {
        var (clock, run, host) = await StartAsync();
        var timer = await host.EvalAsync(_ => new CalendarTimer(new EveryYearRule(12, 25, 9, timeZone: Zones.Utc), name: "tick")).InTime();
        var christmas = new DateTimeOffset(2025, 12, 25, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(christmas, timer.Expiry);

        var first = await AdvanceToAsync(clock, host, christmas);
        var second = await AdvanceToAsync(clock, host, christmas.AddYears(1));

        Assert.Equal(("ttse__on_tick", christmas, TimeSpan.Zero), (first.Handler, first.Info.ScheduledAt, first.Info.Lateness));
        Assert.Equal((christmas.AddYears(1), TimeSpan.Zero), (second.Info.ScheduledAt, second.Info.Lateness));
        Assert.Equal(christmas.AddYears(2), timer.Expiry);
        host.Finish();
        await run.InTime();
    }

    [Fact]
    public async Task LD04_a_restart_between_steps_drops_the_old_expiry_and_counts_from_the_restart()
    {
        var (clock, run, host) = await StartAsync();
        var timer = await host.EvalAsync(_ => new SingleShotTimer(TimeSpan.FromDays(100), name: "watchdog")).InTime();
        clock.Advance(TimeSpan.FromDays(60)); // past the first step
        await host.RunAsync(_ => timer.Restart()).InTime();

        var fire = await AdvanceToAsync(clock, host, Origin.AddDays(160));

        Assert.Equal(Origin.AddDays(160), fire.Info.ScheduledAt);
        host.Finish();
        await run.InTime();
    }
}
