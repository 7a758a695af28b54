using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Timers due months or years ahead under the distiller: virtual time reaches them in steps, at their exact instant.</summary>
public sealed class LongDelayDistillerTests
{
    private static readonly DateTimeOffset Origin = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static (Distiller Distiller, TimerHost Host, T Timer) Arm<T>(Func<T> create)
        where T : TonicTimer
    {
        var distiller = new Distiller(new Formula(new FormulaOptions { TimeProvider = new VirtualClock(Origin) }));
        var host = distiller.Spawn(() => new TimerHost());
        distiller.RunQueued();
        T? timer = null;
        var armed = host.RunAsync(_ => timer = create());
        distiller.RunQueued();
        Assert.True(armed.IsCompletedSuccessfully, armed.Exception?.ToString());
        return (distiller, host, timer!);
    }

    /// <summary>Runs virtual time to one second before <paramref name="due"/>, checks nothing fired, then to <paramref name="due"/>.</summary>
    private static TimerFire RunTo(Distiller distiller, TimerHost host, DateTimeOffset due)
    {
        distiller.RunFor(due - OneSecond - distiller.Clock.GetUtcNow());
        Assert.False(host.Fired.TryRead(out var early), $"fired early: {early}");
        distiller.RunFor(OneSecond);
        Assert.True(host.Fired.TryRead(out var fire), $"did not fire at {due:u}");
        return fire;
    }

    [Fact]
    public void LD20_a_100_day_single_shot_fires_at_its_virtual_instant()
    {
        var (distiller, host, timer) = Arm(() => new SingleShotTimer(TimeSpan.FromDays(100), name: "watchdog"));

        var fire = RunTo(distiller, host, Origin.AddDays(100));

        Assert.Equal(new TimerInfo(timer.Id, "watchdog", Origin.AddDays(100), Origin.AddDays(100), 0), fire.Info);
        Assert.True(timer.IsFinished);
    }

    [Fact]
    public void LD21_a_one_year_repeat_fires_twice_in_virtual_time_without_drift()
    {
        var period = TimeSpan.FromDays(365);
        var (distiller, host, timer) = Arm(() => new RepeatTimer(period, name: "tick"));

        var first = RunTo(distiller, host, Origin + period);
        var second = RunTo(distiller, host, Origin + period + period);

        Assert.Equal((Origin + period, TimeSpan.Zero), (first.Info.ScheduledAt, first.Info.Lateness));
        Assert.Equal((Origin + period + period, TimeSpan.Zero), (second.Info.ScheduledAt, second.Info.Lateness));
        Assert.Equal(Origin + (3 * period), timer.Expiry);
    }

    [Fact]
    public void LD22_a_yearly_calendar_timer_fires_on_its_day_two_years_running()
    {
        var (distiller, host, _) = Arm(() => new CalendarTimer(new EveryYearRule("dec", 25, 9, timeZone: Zones.Amsterdam), name: "tick"));
        var christmas = new DateTimeOffset(2025, 12, 25, 9, 0, 0, TimeSpan.FromHours(1));

        var first = RunTo(distiller, host, christmas);
        var second = RunTo(distiller, host, christmas.AddYears(1));

        Assert.Equal((christmas, TimeSpan.Zero), (first.Info.ScheduledAt, first.Info.Lateness));
        Assert.Equal((christmas.AddYears(1), TimeSpan.Zero), (second.Info.ScheduledAt, second.Info.Lateness));
    }

    [Fact]
    public void LD23_a_week_53_timer_that_skips_short_years_waits_six_years_between_firings()
    {
        var rule = new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Thursday, hour: 12, timeZone: Zones.Utc, week53: IsoWeek53Handling.Skip);
        var (distiller, host, timer) = Arm(() => new CalendarTimer(rule, name: "tick"));
        var first = new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(first, RunTo(distiller, host, first).Info.ScheduledAt);
        Assert.Equal(new DateTimeOffset(2032, 12, 30, 12, 0, 0, TimeSpan.Zero), timer.Expiry);
        Assert.Equal(timer.Expiry, RunTo(distiller, host, timer.Expiry!.Value).Info.ScheduledAt);
    }
}
