using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryWeekRuleDstTests
{
    [Fact]
    public void Amsterdam_sunday_0230_in_spring()
    {
        var rule = new EveryWeekRule(DayOfWeek.Sunday, 2, 30, timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-03-02T02:30:00+01:00", "2025-03-09T02:30:00+01:00", "2025-03-16T02:30:00+01:00",
            "2025-03-23T02:30:00+01:00", "2025-03-30T03:30:00+02:00", "2025-04-06T02:30:00+02:00",
            "2025-04-13T02:30:00+02:00", "2025-04-20T02:30:00+02:00", "2025-04-27T02:30:00+02:00",
            "2025-05-04T02:30:00+02:00", "2025-05-11T02:30:00+02:00", "2025-05-18T02:30:00+02:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-03-01T00:00:00+01:00", 12));
    }

    [Fact]
    public void Amsterdam_sunday_0230_in_autumn()
    {
        var rule = new EveryWeekRule("sun", timeStr: "2:30:00", timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-10-05T02:30:00+02:00", "2025-10-12T02:30:00+02:00", "2025-10-19T02:30:00+02:00",
            "2025-10-26T02:30:00+02:00", "2025-11-02T02:30:00+01:00", "2025-11-09T02:30:00+01:00",
            "2025-11-16T02:30:00+01:00", "2025-11-23T02:30:00+01:00", "2025-11-30T02:30:00+01:00",
            "2025-12-07T02:30:00+01:00", "2025-12-14T02:30:00+01:00", "2025-12-21T02:30:00+01:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-10-01T00:00:00+02:00", 12));
    }

    [Fact]
    public void New_York_sunday_in_spring_and_autumn()
    {
        var spring = new EveryWeekRule(DayOfWeek.Sunday, 2, 30, timeZone: Zones.NewYork);
        var autumn = new EveryWeekRule(DayOfWeek.Sunday, 1, 30, timeZone: Zones.NewYork);

        string[] springExpected =
        [
            "2025-02-16T02:30:00-05:00", "2025-02-23T02:30:00-05:00", "2025-03-02T02:30:00-05:00",
            "2025-03-09T03:30:00-04:00", "2025-03-16T02:30:00-04:00", "2025-03-23T02:30:00-04:00",
            "2025-03-30T02:30:00-04:00", "2025-04-06T02:30:00-04:00", "2025-04-13T02:30:00-04:00",
            "2025-04-20T02:30:00-04:00", "2025-04-27T02:30:00-04:00", "2025-05-04T02:30:00-04:00",
        ];
        string[] autumnExpected =
        [
            "2025-10-05T01:30:00-04:00", "2025-10-12T01:30:00-04:00", "2025-10-19T01:30:00-04:00",
            "2025-10-26T01:30:00-04:00", "2025-11-02T01:30:00-04:00", "2025-11-09T01:30:00-05:00",
            "2025-11-16T01:30:00-05:00", "2025-11-23T01:30:00-05:00", "2025-11-30T01:30:00-05:00",
            "2025-12-07T01:30:00-05:00", "2025-12-14T01:30:00-05:00", "2025-12-21T01:30:00-05:00",
        ];
        Assert.Equal(springExpected, Fires.Next(spring, "2025-02-16T00:00:00-05:00", 12));
        Assert.Equal(autumnExpected, Fires.Next(autumn, "2025-10-01T00:00:00-04:00", 12));
    }

    [Fact]
    public void Lord_Howe_sunday_0145_in_the_repeated_half_hour_fires_once()
    {
        var rule = new EveryWeekRule(DayOfWeek.Sunday, 1, 45, timeZone: Zones.LordHowe);

        string[] expected =
        [
            "2025-03-02T01:45:00+11:00", "2025-03-09T01:45:00+11:00", "2025-03-16T01:45:00+11:00",
            "2025-03-23T01:45:00+11:00", "2025-03-30T01:45:00+11:00", "2025-04-06T01:45:00+11:00",
            "2025-04-13T01:45:00+10:30", "2025-04-20T01:45:00+10:30", "2025-04-27T01:45:00+10:30",
            "2025-05-04T01:45:00+10:30", "2025-05-11T01:45:00+10:30", "2025-05-18T01:45:00+10:30",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-03-01T00:00:00+11:00", 12));
    }
}
