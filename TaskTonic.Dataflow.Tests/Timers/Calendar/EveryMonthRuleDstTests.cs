using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryMonthRuleDstTests
{
    [Fact]
    public void Amsterdam_last_sunday_at_0230_through_both_changes()
    {
        var rule = new EveryMonthRule(DayOfWeek.Sunday, -1, hour: 2, minute: 30, timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-01-26T02:30:00+01:00", "2025-02-23T02:30:00+01:00", "2025-03-30T03:30:00+02:00",
            "2025-04-27T02:30:00+02:00", "2025-05-25T02:30:00+02:00", "2025-06-29T02:30:00+02:00",
            "2025-07-27T02:30:00+02:00", "2025-08-31T02:30:00+02:00", "2025-09-28T02:30:00+02:00",
            "2025-10-26T02:30:00+02:00", "2025-11-30T02:30:00+01:00", "2025-12-28T02:30:00+01:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-01-01T00:00:00+01:00", 12));
    }

    [Fact]
    public void New_York_first_and_second_sundays_through_both_changes()
    {
        var first = new EveryMonthRule("sun", 1, hour: 1, minute: 30, timeZone: Zones.NewYork);
        var second = new EveryMonthRule("sunday", 2, timeStr: "2:30", timeZone: Zones.NewYork);

        string[] firstExpected =
        [
            "2025-01-05T01:30:00-05:00", "2025-02-02T01:30:00-05:00", "2025-03-02T01:30:00-05:00",
            "2025-04-06T01:30:00-04:00", "2025-05-04T01:30:00-04:00", "2025-06-01T01:30:00-04:00",
            "2025-07-06T01:30:00-04:00", "2025-08-03T01:30:00-04:00", "2025-09-07T01:30:00-04:00",
            "2025-10-05T01:30:00-04:00", "2025-11-02T01:30:00-04:00", "2025-12-07T01:30:00-05:00",
        ];
        string[] secondExpected =
        [
            "2025-01-12T02:30:00-05:00", "2025-02-09T02:30:00-05:00", "2025-03-09T03:30:00-04:00",
            "2025-04-13T02:30:00-04:00", "2025-05-11T02:30:00-04:00", "2025-06-08T02:30:00-04:00",
            "2025-07-13T02:30:00-04:00", "2025-08-10T02:30:00-04:00", "2025-09-14T02:30:00-04:00",
            "2025-10-12T02:30:00-04:00", "2025-11-09T02:30:00-05:00", "2025-12-14T02:30:00-05:00",
        ];
        Assert.Equal(firstExpected, Fires.Next(first, "2025-01-01T00:00:00-05:00", 12));
        Assert.Equal(secondExpected, Fires.Next(second, "2025-01-01T00:00:00-05:00", 12));
    }

    [Fact]
    public void Lord_Howe_first_sunday_at_0215_through_both_half_hour_changes()
    {
        var rule = new EveryMonthRule(DayOfWeek.Sunday, hour: 2, minute: 15, timeZone: Zones.LordHowe);

        string[] expected =
        [
            "2025-01-05T02:15:00+11:00", "2025-02-02T02:15:00+11:00", "2025-03-02T02:15:00+11:00",
            "2025-04-06T02:15:00+10:30", "2025-05-04T02:15:00+10:30", "2025-06-01T02:15:00+10:30",
            "2025-07-06T02:15:00+10:30", "2025-08-03T02:15:00+10:30", "2025-09-07T02:15:00+10:30",
            "2025-10-05T02:45:00+11:00", "2025-11-02T02:15:00+11:00", "2025-12-07T02:15:00+11:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-01-01T00:00:00+11:00", 12));
    }

    [Fact]
    public void Kolkata_last_day_late_evening_across_the_year_end()
    {
        var rule = new EveryMonthRule(-1, 23, 45, timeZone: Zones.Kolkata);

        string[] expected =
        [
            "2025-06-30T23:45:00+05:30", "2025-07-31T23:45:00+05:30", "2025-08-31T23:45:00+05:30",
            "2025-09-30T23:45:00+05:30", "2025-10-31T23:45:00+05:30", "2025-11-30T23:45:00+05:30",
            "2025-12-31T23:45:00+05:30", "2026-01-31T23:45:00+05:30", "2026-02-28T23:45:00+05:30",
            "2026-03-31T23:45:00+05:30", "2026-04-30T23:45:00+05:30", "2026-05-31T23:45:00+05:30",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-06-01T00:00:00+05:30", 12));
    }
}
