using System.Diagnostics;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// <see cref="CalendarTimer"/> in a tonic under the distiller (the rules themselves are tested in Calendar/): it fires at
/// the rule's instants, counts the occurrences it missed, and describes itself.
/// </summary>
public sealed partial class CalendarTimerTests
{
    private static readonly DateTimeOffset NewYear = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed partial class Diary : Tonic
    {
        private readonly VirtualClock _clock;
        private readonly CalendarRule _rule;

        public Diary(VirtualClock clock, CalendarRule rule)
        {
            _clock = clock;
            _rule = rule;
        }

        public CalendarTimer? Timer { get; private set; }

        public List<TimerInfo> Entries { get; } = [];

        private void ttse__on_start() => Timer = new CalendarTimer(_rule, name: "Daily Entry");

        private void ttse__on_tmr_daily_entry(TimerInfo info) => Entries.Add(info);

        /// <summary>Blocks the catalyst for <paramref name="hours"/> of virtual time.</summary>
        private void ttsc__busy(double hours) => _clock.Advance(TimeSpan.FromHours(hours));
    }

    private static (Distiller Distiller, Diary Diary) Run(CalendarRule rule, DateTimeOffset? start = null)
    {
        var distiller = new Distiller(new Formula(new FormulaOptions { TimeProvider = new VirtualClock(start ?? NewYear) }));
        var diary = distiller.Spawn(() => new Diary(distiller.Clock, rule));
        distiller.RunQueued();
        return (distiller, diary);
    }

    [Fact]
    public void A_year_of_daily_firings_lands_on_the_rule_instants_on_virtual_time()
    {
        var (distiller, diary) = Run(new EveryDayRule(7, 30, timeZone: Zones.Utc));

        distiller.RunUntil(() => diary.Entries.Count == 365, TimeSpan.FromDays(400));

        Assert.Equal(365, diary.Entries.Count);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 7, 30, 0, TimeSpan.Zero), diary.Entries[0].ScheduledAt);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 7, 30, 0, TimeSpan.Zero), diary.Entries[^1].ScheduledAt);
        Assert.All(diary.Entries, e => Assert.Equal((TimeSpan.Zero, 0), (e.Lateness, e.MissedTicks)));
        Assert.Equal(365, diary.Entries.Select(e => e.ScheduledAt.Date).Distinct().Count());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 7, 30, 0, TimeSpan.Zero), diary.Timer!.Expiry);
    }

    [Fact]
    public void A_year_of_daily_firings_in_Amsterdam_keeps_the_local_time_across_both_DST_changes()
    {
        var (distiller, diary) = Run(new EveryDayRule(7, 30, timeZone: Zones.Amsterdam));

        distiller.RunUntil(() => diary.Entries.Count == 365, TimeSpan.FromDays(400));

        var local = diary.Entries.Select(e => TimeZoneInfo.ConvertTime(e.ScheduledAt, Zones.Amsterdam)).ToList();
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 7, 30, 0, TimeSpan.FromHours(1)), local[0]);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 7, 30, 0, TimeSpan.FromHours(1)), local[^1]);
        Assert.All(local, l => Assert.Equal(new TimeSpan(7, 30, 0), l.TimeOfDay));
        Assert.Equal(210, local.Count(l => l.Offset == TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Occurrences_missed_while_the_catalyst_was_blocked_are_counted_and_the_rule_grid_is_kept()
    {
        var (distiller, diary) = Run(new EveryHourRule(timeZone: Zones.Utc));
        distiller.RunFor(TimeSpan.FromHours(1.5));

        diary.Busy(5);
        distiller.RunFor(TimeSpan.FromHours(1));

        Assert.Equal(
            [(1.0, 1.0, 0), (2.0, 6.5, 4), (7.0, 7.0, 0)],
            diary.Entries.Select(e => (e.ScheduledAt.SecondsSince(NewYear) / 3600, e.FiredAt.SecondsSince(NewYear) / 3600, e.MissedTicks)));
        Assert.Equal(NewYear.AddHours(8), diary.Timer!.Expiry);
    }

    [Fact]
    public void ToString_shows_the_rule_and_the_next_expiry_in_the_rule_zone()
    {
        var (distiller, diary) = Run(new EveryDayRule(7, 30, timeZone: Zones.Amsterdam), NewYear.AddHours(12));
        var timer = diary.Timer!;

        Assert.Equal("every day at 07:30:00 (Europe/Amsterdam); next Thu 2025-01-02 07:30:00 +01:00", timer.ToString());

        timer.Stop();
        distiller.RunQueued();
        Assert.Equal("every day at 07:30:00 (Europe/Amsterdam); stopped", timer.ToString());

        timer.Start();
        distiller.RunFor(TimeSpan.FromDays(120));
        Assert.Equal("every day at 07:30:00 (Europe/Amsterdam); next Fri 2025-05-02 07:30:00 +02:00", timer.ToString());

        diary.Finish();
        distiller.RunQueued();
        Assert.Equal("every day at 07:30:00 (Europe/Amsterdam); finished", timer.ToString());
    }

    [Fact]
    public void A_calendar_timer_created_stopped_starts_at_the_next_occurrence_after_now()
    {
        var (distiller, diary) = Run(new EveryMinuteRule(30, timeZone: Zones.Utc));
        var late = new CalendarTimer(new EveryMinuteRule(30, timeZone: Zones.Utc), name: "daily entry", owner: diary, start: false);
        Assert.Null(late.Expiry);

        distiller.RunFor(TimeSpan.FromSeconds(45));
        late.Start();
        distiller.RunFor(TimeSpan.FromMinutes(1));

        Assert.Equal(
            [("Daily Entry", 30.0), ("Daily Entry", 90), ("daily entry", 90)],
            diary.Entries.Select(e => (e.Name, e.ScheduledAt.SecondsSince(NewYear))));
        Assert.Throws<ArgumentNullException>(() => new CalendarTimer(null!, name: "daily entry", owner: diary));
        Assert.Equal(2, diary.Timers.Count);
    }
}
