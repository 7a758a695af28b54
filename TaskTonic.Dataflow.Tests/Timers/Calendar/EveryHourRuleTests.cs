using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryHourRuleTests
{
    [Fact]
    public void SC20_minute_15_in_every_argument_form()
    {
        var forms = new CalendarRule[]
        {
            new EveryHourRule(minute: 15, timeZone: Zones.Utc),
            new EveryHourRule(timeStr: "15:00", timeZone: Zones.Utc),
            new EveryHourRule(timeStr: "15", timeZone: Zones.Utc),
            new EveryHourRule(15, 0, timeZone: Zones.Utc),
        };

        var expected = Enumerable.Range(12, 12).Select(hour => $"2025-01-31T{hour:00}:15:00+00:00").ToArray();
        Assert.All(forms, rule => Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12)));
    }

    [Fact]
    public void Fractional_second_and_year_end()
    {
        var rule = new EveryHourRule(59, 59.25, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-12-31T19:59:59.25+00:00", "2025-12-31T20:59:59.25+00:00", "2025-12-31T21:59:59.25+00:00",
            "2025-12-31T22:59:59.25+00:00", "2025-12-31T23:59:59.25+00:00", "2026-01-01T00:59:59.25+00:00",
            "2026-01-01T01:59:59.25+00:00", "2026-01-01T02:59:59.25+00:00", "2026-01-01T03:59:59.25+00:00",
            "2026-01-01T04:59:59.25+00:00", "2026-01-01T05:59:59.25+00:00", "2026-01-01T06:59:59.25+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-12-31T19:00:00+00:00", 12));
    }

    [Fact]
    public void Kolkata_aligns_to_the_local_half_hour_offset_hour()
    {
        var rule = new EveryHourRule(minute: 15, timeZone: Zones.Kolkata);

        string[] expected =
        [
            "2025-01-31T18:15:00+05:30", "2025-01-31T19:15:00+05:30", "2025-01-31T20:15:00+05:30",
            "2025-01-31T21:15:00+05:30", "2025-01-31T22:15:00+05:30", "2025-01-31T23:15:00+05:30",
            "2025-02-01T00:15:00+05:30", "2025-02-01T01:15:00+05:30", "2025-02-01T02:15:00+05:30",
            "2025-02-01T03:15:00+05:30", "2025-02-01T04:15:00+05:30", "2025-02-01T05:15:00+05:30",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
        Assert.Equal(Fires.At("2025-01-31T12:45:00+00:00"), rule.NextAfter(Fires.PythonNow));
    }

    [Fact]
    public void Lord_Howe_standard_time_aligns_to_the_local_hour()
    {
        var rule = new EveryHourRule(timeStr: "0:0", timeZone: Zones.LordHowe);

        Assert.Equal(
            ["2025-07-01T01:00:00+10:30", "2025-07-01T02:00:00+10:30", "2025-07-01T03:00:00+10:30"],
            Fires.Next(rule, "2025-07-01T00:00:00+10:30", 3));
        Assert.Equal(Fires.At("2025-06-30T14:30:00+00:00"), rule.NextAfter(Fires.At("2025-06-30T14:00:00+00:00")));
    }
}
