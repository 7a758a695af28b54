using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryWeekRuleTests
{
    [Fact]
    public void SC14_monday_just_before_midnight()
    {
        var rule = new EveryWeekRule(DayOfWeek.Monday, timeStr: "23:59:59", timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-03T23:59:59+00:00", "2025-02-10T23:59:59+00:00", "2025-02-17T23:59:59+00:00",
            "2025-02-24T23:59:59+00:00", "2025-03-03T23:59:59+00:00", "2025-03-10T23:59:59+00:00",
            "2025-03-17T23:59:59+00:00", "2025-03-24T23:59:59+00:00", "2025-03-31T23:59:59+00:00",
            "2025-04-07T23:59:59+00:00", "2025-04-14T23:59:59+00:00", "2025-04-21T23:59:59+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC15_today_already_passed_fires_next_week()
    {
        var rule = new EveryWeekRule("Friday", hour: 11, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-07T11:00:00+00:00", "2025-02-14T11:00:00+00:00", "2025-02-21T11:00:00+00:00",
            "2025-02-28T11:00:00+00:00", "2025-03-07T11:00:00+00:00", "2025-03-14T11:00:00+00:00",
            "2025-03-21T11:00:00+00:00", "2025-03-28T11:00:00+00:00", "2025-04-04T11:00:00+00:00",
            "2025-04-11T11:00:00+00:00", "2025-04-18T11:00:00+00:00", "2025-04-25T11:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC16_later_today_fires_today()
    {
        var rule = new EveryWeekRule("fri", 13, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-01-31T13:00:00+00:00", "2025-02-07T13:00:00+00:00", "2025-02-14T13:00:00+00:00",
            "2025-02-21T13:00:00+00:00", "2025-02-28T13:00:00+00:00", "2025-03-07T13:00:00+00:00",
            "2025-03-14T13:00:00+00:00", "2025-03-21T13:00:00+00:00", "2025-03-28T13:00:00+00:00",
            "2025-04-04T13:00:00+00:00", "2025-04-11T13:00:00+00:00", "2025-04-18T13:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Crosses_the_year_end()
    {
        var rule = new EveryWeekRule(DayOfWeek.Wednesday, 9, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-12-03T09:00:00+00:00", "2025-12-10T09:00:00+00:00", "2025-12-17T09:00:00+00:00",
            "2025-12-24T09:00:00+00:00", "2025-12-31T09:00:00+00:00", "2026-01-07T09:00:00+00:00",
            "2026-01-14T09:00:00+00:00", "2026-01-21T09:00:00+00:00", "2026-01-28T09:00:00+00:00",
            "2026-02-04T09:00:00+00:00", "2026-02-11T09:00:00+00:00", "2026-02-18T09:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-12-01T00:00:00+00:00", 12));
    }

    [Fact]
    public void Kolkata_monday_morning_across_the_year_end()
    {
        var rule = new EveryWeekRule("MONDAY", timeStr: "9", timeZone: Zones.Kolkata);

        string[] expected =
        [
            "2025-12-01T09:00:00+05:30", "2025-12-08T09:00:00+05:30", "2025-12-15T09:00:00+05:30",
            "2025-12-22T09:00:00+05:30", "2025-12-29T09:00:00+05:30", "2026-01-05T09:00:00+05:30",
            "2026-01-12T09:00:00+05:30", "2026-01-19T09:00:00+05:30", "2026-01-26T09:00:00+05:30",
            "2026-02-02T09:00:00+05:30", "2026-02-09T09:00:00+05:30", "2026-02-16T09:00:00+05:30",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-12-01T00:00:00+05:30", 12));
    }
}
