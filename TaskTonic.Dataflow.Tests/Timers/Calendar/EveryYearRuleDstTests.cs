using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryYearRuleDstTests
{
    [Fact]
    public void Amsterdam_spring_forward_gap_time_fires_an_hour_later_on_the_wall_clock()
    {
        var rule = new EveryYearRule("march", DayOfWeek.Sunday, -1, timeStr: "2:30", timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-03-30T03:30:00+02:00", "2026-03-29T03:30:00+02:00", "2027-03-28T03:30:00+02:00",
            "2028-03-26T03:30:00+02:00", "2029-03-25T03:30:00+02:00", "2030-03-31T03:30:00+02:00",
            "2031-03-30T03:30:00+02:00", "2032-03-28T03:30:00+02:00", "2033-03-27T03:30:00+02:00",
            "2034-03-26T03:30:00+02:00", "2035-03-25T03:30:00+02:00", "2036-03-30T03:30:00+02:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-01-01T00:00:00+01:00", 12));
    }

    [Fact]
    public void Amsterdam_fall_back_repeated_time_fires_once_at_its_first_occurrence()
    {
        var rule = new EveryYearRule(10, "sun", -1, hour: 2, minute: 30, timeZone: Zones.Amsterdam);

        string[] expected =
        [
            "2025-10-26T02:30:00+02:00", "2026-10-25T02:30:00+02:00", "2027-10-31T02:30:00+02:00",
            "2028-10-29T02:30:00+02:00", "2029-10-28T02:30:00+02:00", "2030-10-27T02:30:00+02:00",
            "2031-10-26T02:30:00+02:00", "2032-10-31T02:30:00+02:00", "2033-10-30T02:30:00+02:00",
            "2034-10-29T02:30:00+02:00", "2035-10-28T02:30:00+02:00", "2036-10-26T02:30:00+02:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-01-01T00:00:00+01:00", 12));
    }

    [Fact]
    public void New_York_gap_and_overlap()
    {
        var spring = new EveryYearRule(3, DayOfWeek.Sunday, 2, hour: 2, minute: 30, timeZone: Zones.NewYork);
        var fall = new EveryYearRule("nov", DayOfWeek.Sunday, 1, hour: 1, minute: 30, timeZone: Zones.NewYork);

        string[] springExpected =
        [
            "2025-03-09T03:30:00-04:00", "2026-03-08T03:30:00-04:00", "2027-03-14T03:30:00-04:00",
            "2028-03-12T03:30:00-04:00", "2029-03-11T03:30:00-04:00", "2030-03-10T03:30:00-04:00",
            "2031-03-09T03:30:00-04:00", "2032-03-14T03:30:00-04:00", "2033-03-13T03:30:00-04:00",
            "2034-03-12T03:30:00-04:00", "2035-03-11T03:30:00-04:00", "2036-03-09T03:30:00-04:00",
        ];
        string[] fallExpected =
        [
            "2025-11-02T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2027-11-07T01:30:00-04:00",
            "2028-11-05T01:30:00-04:00", "2029-11-04T01:30:00-04:00", "2030-11-03T01:30:00-04:00",
            "2031-11-02T01:30:00-04:00", "2032-11-07T01:30:00-04:00", "2033-11-06T01:30:00-04:00",
            "2034-11-05T01:30:00-04:00", "2035-11-04T01:30:00-04:00", "2036-11-02T01:30:00-04:00",
        ];
        Assert.Equal(springExpected, Fires.Next(spring, "2025-01-01T00:00:00-05:00", 12));
        Assert.Equal(fallExpected, Fires.Next(fall, "2025-01-01T00:00:00-05:00", 12));
    }

    [Fact]
    public void Lord_Howe_half_hour_gap_moves_the_time_forward_by_half_an_hour()
    {
        var rule = new EveryYearRule(10, DayOfWeek.Sunday, 1, hour: 2, minute: 15, timeZone: Zones.LordHowe);

        string[] expected =
        [
            "2025-10-05T02:45:00+11:00", "2026-10-04T02:45:00+11:00", "2027-10-03T02:45:00+11:00",
            "2028-10-01T02:45:00+11:00", "2029-10-07T02:45:00+11:00", "2030-10-06T02:45:00+11:00",
            "2031-10-05T02:45:00+11:00", "2032-10-03T02:45:00+11:00", "2033-10-02T02:45:00+11:00",
            "2034-10-01T02:45:00+11:00", "2035-10-07T02:45:00+11:00", "2036-10-05T02:45:00+11:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-01-01T00:00:00+11:00", 12));
    }

    [Fact]
    public void Lord_Howe_repeated_half_hour_fires_once_at_its_first_occurrence()
    {
        var rule = new EveryYearRule("april", "sunday", 1, hour: 1, minute: 45, timeZone: Zones.LordHowe);

        string[] expected =
        [
            "2025-04-06T01:45:00+11:00", "2026-04-05T01:45:00+11:00", "2027-04-04T01:45:00+11:00",
            "2028-04-02T01:45:00+11:00", "2029-04-01T01:45:00+11:00", "2030-04-07T01:45:00+11:00",
            "2031-04-06T01:45:00+11:00", "2032-04-04T01:45:00+11:00", "2033-04-03T01:45:00+11:00",
            "2034-04-02T01:45:00+11:00", "2035-04-01T01:45:00+11:00", "2036-04-06T01:45:00+11:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2025-01-01T00:00:00+11:00", 12));
    }
}
