using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryMinuteRuleTests
{
    [Fact]
    public void SC21_second_0()
    {
        var rule = new EveryMinuteRule(0, timeZone: Zones.Utc);

        Assert.Equal(
            Enumerable.Range(1, 12).Select(minute => $"2025-01-31T12:{minute:00}:00+00:00"),
            Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC22_fractional_second()
    {
        var forms = new CalendarRule[]
        {
            new EveryMinuteRule(2.5, timeZone: Zones.Utc),
            new EveryMinuteRule(timeStr: "2.5", timeZone: Zones.Utc),
        };

        var expected = Enumerable.Range(0, 12).Select(minute => $"2025-01-31T12:{minute:00}:02.5+00:00").ToArray();
        Assert.All(forms, rule => Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12)));
    }

    [Fact]
    public void SC23_time_string_is_the_second()
    {
        var rule = new EveryMinuteRule(timeStr: "30", timeZone: Zones.Utc);

        Assert.Equal(
            Enumerable.Range(0, 12).Select(minute => $"2025-01-31T12:{minute:00}:30+00:00"),
            Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Kolkata_across_the_year_end()
    {
        var rule = new EveryMinuteRule(59.5, timeZone: Zones.Kolkata);

        string[] expected =
        [
            "2025-12-31T23:55:59.5+05:30", "2025-12-31T23:56:59.5+05:30", "2025-12-31T23:57:59.5+05:30",
            "2025-12-31T23:58:59.5+05:30", "2025-12-31T23:59:59.5+05:30", "2026-01-01T00:00:59.5+05:30",
            "2026-01-01T00:01:59.5+05:30", "2026-01-01T00:02:59.5+05:30", "2026-01-01T00:03:59.5+05:30",
            "2026-01-01T00:04:59.5+05:30", "2026-01-01T00:05:59.5+05:30", "2026-01-01T00:06:59.5+05:30",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-12-31T18:25:00+00:00", 12));
    }

    [Fact]
    public void Amsterdam_spring_forward_skips_no_real_minute()
    {
        var rule = new EveryMinuteRule(timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-03-30T01:56:00+01:00", "2025-03-30T01:57:00+01:00", "2025-03-30T01:58:00+01:00",
            "2025-03-30T01:59:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-30T03:01:00+02:00",
            "2025-03-30T03:02:00+02:00", "2025-03-30T03:03:00+02:00", "2025-03-30T03:04:00+02:00",
            "2025-03-30T03:05:00+02:00", "2025-03-30T03:06:00+02:00", "2025-03-30T03:07:00+02:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-03-30T00:55:00+00:00", 12));
    }

    [Fact]
    public void Amsterdam_fall_back_fires_in_the_repeated_hour_too()
    {
        var rule = new EveryMinuteRule(timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-10-26T02:56:00+02:00", "2025-10-26T02:57:00+02:00", "2025-10-26T02:58:00+02:00",
            "2025-10-26T02:59:00+02:00", "2025-10-26T02:00:00+01:00", "2025-10-26T02:01:00+01:00",
            "2025-10-26T02:02:00+01:00", "2025-10-26T02:03:00+01:00", "2025-10-26T02:04:00+01:00",
            "2025-10-26T02:05:00+01:00", "2025-10-26T02:06:00+01:00", "2025-10-26T02:07:00+01:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-10-26T00:55:30+00:00", 12));
    }

    [Fact]
    public void New_York_fall_back()
    {
        var rule = new EveryMinuteRule(30, timeZone: Zones.NewYork);

        string[] expected =
        [
            "2025-11-02T01:55:30-04:00", "2025-11-02T01:56:30-04:00", "2025-11-02T01:57:30-04:00",
            "2025-11-02T01:58:30-04:00", "2025-11-02T01:59:30-04:00", "2025-11-02T01:00:30-05:00",
            "2025-11-02T01:01:30-05:00", "2025-11-02T01:02:30-05:00", "2025-11-02T01:03:30-05:00",
            "2025-11-02T01:04:30-05:00", "2025-11-02T01:05:30-05:00", "2025-11-02T01:06:30-05:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-11-02T05:55:00+00:00", 12));
    }

    [Fact]
    public void Lord_Howe_half_hour_changes()
    {
        var rule = new EveryMinuteRule(timeStr: "15", timeZone: Zones.LordHowe);

        string[] fall =
        [
            "2025-04-06T01:55:15+11:00", "2025-04-06T01:56:15+11:00", "2025-04-06T01:57:15+11:00",
            "2025-04-06T01:58:15+11:00", "2025-04-06T01:59:15+11:00", "2025-04-06T01:30:15+10:30",
            "2025-04-06T01:31:15+10:30", "2025-04-06T01:32:15+10:30", "2025-04-06T01:33:15+10:30",
            "2025-04-06T01:34:15+10:30", "2025-04-06T01:35:15+10:30", "2025-04-06T01:36:15+10:30",
        ];
        string[] spring =
        [
            "2025-10-05T01:55:15+10:30", "2025-10-05T01:56:15+10:30", "2025-10-05T01:57:15+10:30",
            "2025-10-05T01:58:15+10:30", "2025-10-05T01:59:15+10:30", "2025-10-05T02:30:15+11:00",
            "2025-10-05T02:31:15+11:00", "2025-10-05T02:32:15+11:00", "2025-10-05T02:33:15+11:00",
            "2025-10-05T02:34:15+11:00", "2025-10-05T02:35:15+11:00", "2025-10-05T02:36:15+11:00",
        ];
        Assert.Equal(fall, Fires.Next(rule, "2025-04-05T14:55:00+00:00", 12));
        Assert.Equal(spring, Fires.Next(rule, "2025-10-04T15:25:00+00:00", 12));
    }
}
