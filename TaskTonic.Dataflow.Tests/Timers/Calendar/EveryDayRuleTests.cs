using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryDayRuleTests
{
    [Fact]
    public void SC17_hour_and_minute_already_passed_today_fires_tomorrow()
    {
        var rule = new EveryDayRule(hour: 5, minute: 30, timeZone: Zones.Utc);

        Assert.Equal(
            Enumerable.Range(1, 12).Select(day => $"2025-02-{day:00}T05:30:00+00:00"),
            Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC18_time_string_later_today_fires_today()
    {
        var rule = new EveryDayRule(timeStr: "12:15", timeZone: Zones.Utc);

        string[] expected = ["2025-01-31T12:15:00+00:00", .. Enumerable.Range(1, 11).Select(day => $"2025-02-{day:00}T12:15:00+00:00")];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC19_the_current_instant_is_not_after_itself()
    {
        var rule = new EveryDayRule(timeStr: "12", timeZone: Zones.Utc);

        Assert.Equal(
            Enumerable.Range(1, 12).Select(day => $"2025-02-{day:00}T12:00:00+00:00"),
            Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Leap_day_is_an_ordinary_day()
    {
        var rule = new EveryDayRule(8, timeZone: Zones.Utc);

        string[] expected =
        [
            "2028-02-24T08:00:00+00:00", "2028-02-25T08:00:00+00:00", "2028-02-26T08:00:00+00:00",
            "2028-02-27T08:00:00+00:00", "2028-02-28T08:00:00+00:00", "2028-02-29T08:00:00+00:00",
            "2028-03-01T08:00:00+00:00", "2028-03-02T08:00:00+00:00", "2028-03-03T08:00:00+00:00",
            "2028-03-04T08:00:00+00:00", "2028-03-05T08:00:00+00:00", "2028-03-06T08:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2028-02-24T00:00:00+00:00", 12));
    }

    [Fact]
    public void Fractional_second_just_before_midnight_crosses_the_year_end()
    {
        var rule = new EveryDayRule(23, 59, 59.5, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-12-29T23:59:59.5+00:00", "2025-12-30T23:59:59.5+00:00", "2025-12-31T23:59:59.5+00:00",
            "2026-01-01T23:59:59.5+00:00", "2026-01-02T23:59:59.5+00:00", "2026-01-03T23:59:59.5+00:00",
            "2026-01-04T23:59:59.5+00:00", "2026-01-05T23:59:59.5+00:00", "2026-01-06T23:59:59.5+00:00",
            "2026-01-07T23:59:59.5+00:00", "2026-01-08T23:59:59.5+00:00", "2026-01-09T23:59:59.5+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-12-29T23:59:59+00:00", 12));
    }

    [Fact]
    public void Kolkata_midnight_is_local_midnight()
    {
        var rule = new EveryDayRule(timeZone: Zones.Kolkata);

        string[] expected =
        [
            "2025-12-26T00:00:00+05:30", "2025-12-27T00:00:00+05:30", "2025-12-28T00:00:00+05:30",
            "2025-12-29T00:00:00+05:30", "2025-12-30T00:00:00+05:30", "2025-12-31T00:00:00+05:30",
            "2026-01-01T00:00:00+05:30", "2026-01-02T00:00:00+05:30", "2026-01-03T00:00:00+05:30",
            "2026-01-04T00:00:00+05:30", "2026-01-05T00:00:00+05:30", "2026-01-06T00:00:00+05:30",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-12-25T00:00:00+05:30", 12));
        Assert.Equal(Fires.At("2025-12-25T18:30:00+00:00"), rule.NextAfter(Fires.At("2025-12-25T18:29:59+00:00")));
    }
}
