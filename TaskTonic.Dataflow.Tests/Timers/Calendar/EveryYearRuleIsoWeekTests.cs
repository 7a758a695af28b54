using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryYearRuleIsoWeekTests
{
    [Fact]
    public void SC04_tuesday_of_iso_week_1_can_fall_in_the_previous_calendar_year()
    {
        var rule = new EveryYearRule(new IsoWeekNumber(1), "tuesday", hour: 8, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-12-30T08:00:00+00:00", "2027-01-05T08:00:00+00:00", "2028-01-04T08:00:00+00:00",
            "2029-01-02T08:00:00+00:00", "2030-01-01T08:00:00+00:00", "2030-12-31T08:00:00+00:00",
            "2031-12-30T08:00:00+00:00", "2033-01-04T08:00:00+00:00", "2034-01-03T08:00:00+00:00",
            "2035-01-02T08:00:00+00:00", "2036-01-01T08:00:00+00:00", "2036-12-30T08:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC05_sunday_of_iso_week_52_can_fall_in_the_next_calendar_year()
    {
        var rule = new EveryYearRule(new IsoWeekNumber(52), DayOfWeek.Sunday, timeStr: "23:59:59", timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-12-28T23:59:59+00:00", "2026-12-27T23:59:59+00:00", "2028-01-02T23:59:59+00:00",
            "2028-12-31T23:59:59+00:00", "2029-12-30T23:59:59+00:00", "2030-12-29T23:59:59+00:00",
            "2031-12-28T23:59:59+00:00", "2032-12-26T23:59:59+00:00", "2034-01-01T23:59:59+00:00",
            "2034-12-31T23:59:59+00:00", "2035-12-30T23:59:59+00:00", "2036-12-28T23:59:59+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Week_53_fires_in_week_52_of_years_without_a_week_53()
    {
        var rule = new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Thursday, hour: 12, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-12-25T12:00:00+00:00", "2026-12-31T12:00:00+00:00", "2027-12-30T12:00:00+00:00",
            "2028-12-28T12:00:00+00:00", "2029-12-27T12:00:00+00:00", "2030-12-26T12:00:00+00:00",
            "2031-12-25T12:00:00+00:00", "2032-12-30T12:00:00+00:00", "2033-12-29T12:00:00+00:00",
            "2034-12-28T12:00:00+00:00", "2035-12-27T12:00:00+00:00", "2036-12-25T12:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Iso_week_rule_uses_the_wall_clock_of_its_zone()
    {
        var rule = new EveryYearRule(new IsoWeekNumber(1), DayOfWeek.Monday, timeStr: "0:30", timeZone: Zones.Kolkata);

        string[] expected =
        [
            "2025-12-29T00:30:00+05:30", "2027-01-04T00:30:00+05:30", "2028-01-03T00:30:00+05:30",
            "2029-01-01T00:30:00+05:30", "2029-12-31T00:30:00+05:30", "2030-12-30T00:30:00+05:30",
            "2031-12-29T00:30:00+05:30", "2033-01-03T00:30:00+05:30", "2034-01-02T00:30:00+05:30",
            "2035-01-01T00:30:00+05:30", "2035-12-31T00:30:00+05:30", "2036-12-29T00:30:00+05:30",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.At("2025-12-28T18:59:59+00:00"), 12));
    }
}
