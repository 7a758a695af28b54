using System.Reactive.Linq;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Reactive.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Re-arms a one-shot provider timer from the previous due time after each firing, as a calendar timer will.</summary>
public sealed class CalendarRuleOnTimeProviderTests
{
    private static readonly string[] DailyAcrossSpringForward =
    [
        "2025-03-29T02:30:00+01:00", "2025-03-30T03:30:00+02:00", "2025-03-31T02:30:00+02:00", "2025-04-01T02:30:00+02:00",
    ];

    [Fact]
    public void Fake_time_provider_fires_a_daily_rule_across_spring_forward()
    {
        var time = new FakeTimeProvider(Fires.At("2025-03-28T12:00:00+00:00"));
        var fired = Arm(time, new EveryDayRule(2, 30, timeZone: Zones.Amsterdam));

        for (var step = 0; step < 4 * 24 * 6; step++)
        {
            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(DailyAcrossSpringForward, fired.Select(fire => fire.Due));
        Assert.All(fired, fire => Assert.InRange(fire.Late, TimeSpan.Zero, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Test_scheduler_fires_a_daily_rule_across_spring_forward_alongside_rx()
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(Fires.At("2025-03-28T12:00:00+00:00").UtcTicks);
        var time = new TestSchedulerTimeProvider(scheduler, Zones.Amsterdam);
        var fired = Arm(time, new EveryDayRule(2, 30, timeZone: Zones.Amsterdam));
        var ticks = 0;
        using var rx = Observable.Interval(TimeSpan.FromHours(1), scheduler).Subscribe(_ => ticks++);

        scheduler.AdvanceBy(TimeSpan.FromDays(4).Ticks);

        Assert.Equal(DailyAcrossSpringForward, fired.Select(fire => fire.Due));
        Assert.All(fired, fire => Assert.Equal(TimeSpan.Zero, fire.Late));
        Assert.Equal(96, ticks);
    }

    private static List<(string Due, TimeSpan Late)> Arm(TimeProvider time, CalendarRule rule)
    {
        var fired = new List<(string Due, TimeSpan Late)>();
        var due = rule.NextAfter(time.GetUtcNow());
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                var now = time.GetUtcNow();
                fired.Add((Fires.Format(due), now - due));
                due = rule.NextAfter(due);
                timer!.Change(Max(due - now, TimeSpan.Zero), Timeout.InfiniteTimeSpan);
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(due - time.GetUtcNow(), Timeout.InfiniteTimeSpan);
        return fired;
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;
}
