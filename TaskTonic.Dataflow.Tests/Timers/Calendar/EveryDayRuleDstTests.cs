using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryDayRuleDstTests
{
    [Fact]
    public void Amsterdam_0230_on_the_spring_forward_day_fires_at_0330()
    {
        var rule = new EveryDayRule(2, 30, timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-03-27T02:30:00+01:00", "2025-03-28T02:30:00+01:00", "2025-03-29T02:30:00+01:00",
            "2025-03-30T03:30:00+02:00", "2025-03-31T02:30:00+02:00", "2025-04-01T02:30:00+02:00",
            "2025-04-02T02:30:00+02:00", "2025-04-03T02:30:00+02:00", "2025-04-04T02:30:00+02:00",
            "2025-04-05T02:30:00+02:00", "2025-04-06T02:30:00+02:00", "2025-04-07T02:30:00+02:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-03-27T00:00:00+01:00", 12));
    }

    [Fact]
    public void Amsterdam_0230_on_the_fall_back_day_fires_once_in_summer_time()
    {
        var rule = new EveryDayRule(timeStr: "02:30:00", timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-10-23T02:30:00+02:00", "2025-10-24T02:30:00+02:00", "2025-10-25T02:30:00+02:00",
            "2025-10-26T02:30:00+02:00", "2025-10-27T02:30:00+01:00", "2025-10-28T02:30:00+01:00",
            "2025-10-29T02:30:00+01:00", "2025-10-30T02:30:00+01:00", "2025-10-31T02:30:00+01:00",
            "2025-11-01T02:30:00+01:00", "2025-11-02T02:30:00+01:00", "2025-11-03T02:30:00+01:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-10-23T00:00:00+02:00", 12));
        Assert.Equal(
            Fires.At("2025-10-27T02:30:00+01:00"),
            rule.NextAfter(Fires.At("2025-10-26T02:00:00+01:00")));
    }

    [Fact]
    public void New_York_gap_and_overlap()
    {
        var spring = new EveryDayRule(2, 30, timeZone: Zones.NewYork);
        var autumn = new EveryDayRule(1, 30, timeZone: Zones.NewYork);

        string[] springExpected =
        [
            "2025-03-04T02:30:00-05:00", "2025-03-05T02:30:00-05:00", "2025-03-06T02:30:00-05:00",
            "2025-03-07T02:30:00-05:00", "2025-03-08T02:30:00-05:00", "2025-03-09T03:30:00-04:00",
            "2025-03-10T02:30:00-04:00", "2025-03-11T02:30:00-04:00", "2025-03-12T02:30:00-04:00",
            "2025-03-13T02:30:00-04:00", "2025-03-14T02:30:00-04:00", "2025-03-15T02:30:00-04:00",
        ];
        string[] autumnExpected =
        [
            "2025-10-28T01:30:00-04:00", "2025-10-29T01:30:00-04:00", "2025-10-30T01:30:00-04:00",
            "2025-10-31T01:30:00-04:00", "2025-11-01T01:30:00-04:00", "2025-11-02T01:30:00-04:00",
            "2025-11-03T01:30:00-05:00", "2025-11-04T01:30:00-05:00", "2025-11-05T01:30:00-05:00",
            "2025-11-06T01:30:00-05:00", "2025-11-07T01:30:00-05:00", "2025-11-08T01:30:00-05:00",
        ];
        Assert.Equal(springExpected, Fires.Next(spring, "2025-03-04T00:00:00-05:00", 12));
        Assert.Equal(autumnExpected, Fires.Next(autumn, "2025-10-28T00:00:00-04:00", 12));
    }

    [Fact]
    public void Lord_Howe_half_hour_gap_and_overlap()
    {
        var spring = new EveryDayRule(2, 15, timeZone: Zones.LordHowe);
        var autumn = new EveryDayRule(1, 45, timeZone: Zones.LordHowe);

        string[] springExpected =
        [
            "2025-09-30T02:15:00+10:30", "2025-10-01T02:15:00+10:30", "2025-10-02T02:15:00+10:30",
            "2025-10-03T02:15:00+10:30", "2025-10-04T02:15:00+10:30", "2025-10-05T02:45:00+11:00",
            "2025-10-06T02:15:00+11:00", "2025-10-07T02:15:00+11:00", "2025-10-08T02:15:00+11:00",
            "2025-10-09T02:15:00+11:00", "2025-10-10T02:15:00+11:00", "2025-10-11T02:15:00+11:00",
        ];
        string[] autumnExpected =
        [
            "2025-04-01T01:45:00+11:00", "2025-04-02T01:45:00+11:00", "2025-04-03T01:45:00+11:00",
            "2025-04-04T01:45:00+11:00", "2025-04-05T01:45:00+11:00", "2025-04-06T01:45:00+11:00",
            "2025-04-07T01:45:00+10:30", "2025-04-08T01:45:00+10:30", "2025-04-09T01:45:00+10:30",
            "2025-04-10T01:45:00+10:30", "2025-04-11T01:45:00+10:30", "2025-04-12T01:45:00+10:30",
        ];
        Assert.Equal(springExpected, Fires.Next(spring, "2025-09-30T00:00:00+10:30", 12));
        Assert.Equal(autumnExpected, Fires.Next(autumn, "2025-04-01T00:00:00+11:00", 12));
    }

    [Fact]
    public void Every_local_date_of_a_dst_year_fires_exactly_once()
    {
        var rule = new EveryDayRule(2, 30, timeZone: Zones.Amsterdam);
        var dates = new List<DateOnly>();
        for (var fire = rule.NextAfter(Fires.At("2025-01-01T00:00:00+01:00")); fire.Year == 2025; fire = rule.NextAfter(fire))
        {
            dates.Add(DateOnly.FromDateTime(fire.DateTime));
        }

        Assert.Equal(365, dates.Count);
        Assert.Equal(365, dates.Distinct().Count());
    }
}
