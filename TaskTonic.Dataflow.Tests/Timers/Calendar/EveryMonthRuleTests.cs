using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryMonthRuleTests
{
    private static readonly string[] FirstWednesday =
    [
        "2025-02-05T10:00:00+00:00", "2025-03-05T10:00:00+00:00", "2025-04-02T10:00:00+00:00",
        "2025-05-07T10:00:00+00:00", "2025-06-04T10:00:00+00:00", "2025-07-02T10:00:00+00:00",
        "2025-08-06T10:00:00+00:00", "2025-09-03T10:00:00+00:00", "2025-10-01T10:00:00+00:00",
        "2025-11-05T10:00:00+00:00", "2025-12-03T10:00:00+00:00", "2026-01-07T10:00:00+00:00",
    ];

    [Fact]
    public void SC07_first_weekday_of_the_month()
    {
        var rule = new EveryMonthRule(DayOfWeek.Wednesday, 1, hour: 10, timeZone: Zones.Utc);

        Assert.Equal(FirstWednesday, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC08_in_week_before_the_first_occurrence_clamps_to_the_first()
    {
        var rule = new EveryMonthRule("wednesday", -6, hour: 10, timeZone: Zones.Utc);

        Assert.Equal(FirstWednesday, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void A_weekday_name_alone_means_its_first_occurrence()
    {
        var rule = new EveryMonthRule("Wed", hour: 10, timeZone: Zones.Utc);

        Assert.Equal(FirstWednesday, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC09_in_week_past_the_last_occurrence_clamps_to_the_last()
    {
        var rule = new EveryMonthRule("tuesday", 6, hour: 10, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-25T10:00:00+00:00", "2025-03-25T10:00:00+00:00", "2025-04-29T10:00:00+00:00",
            "2025-05-27T10:00:00+00:00", "2025-06-24T10:00:00+00:00", "2025-07-29T10:00:00+00:00",
            "2025-08-26T10:00:00+00:00", "2025-09-30T10:00:00+00:00", "2025-10-28T10:00:00+00:00",
            "2025-11-25T10:00:00+00:00", "2025-12-30T10:00:00+00:00", "2026-01-27T10:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC10_day_27()
    {
        var rule = new EveryMonthRule(27, timeStr: "13:00:00", timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-27T13:00:00+00:00", "2025-03-27T13:00:00+00:00", "2025-04-27T13:00:00+00:00",
            "2025-05-27T13:00:00+00:00", "2025-06-27T13:00:00+00:00", "2025-07-27T13:00:00+00:00",
            "2025-08-27T13:00:00+00:00", "2025-09-27T13:00:00+00:00", "2025-10-27T13:00:00+00:00",
            "2025-11-27T13:00:00+00:00", "2025-12-27T13:00:00+00:00", "2026-01-27T13:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC11_day_minus_10_counts_from_the_end()
    {
        var rule = new EveryMonthRule(-10, timeStr: "13:00:00", timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-19T13:00:00+00:00", "2025-03-22T13:00:00+00:00", "2025-04-21T13:00:00+00:00",
            "2025-05-22T13:00:00+00:00", "2025-06-21T13:00:00+00:00", "2025-07-22T13:00:00+00:00",
            "2025-08-22T13:00:00+00:00", "2025-09-21T13:00:00+00:00", "2025-10-22T13:00:00+00:00",
            "2025-11-21T13:00:00+00:00", "2025-12-22T13:00:00+00:00", "2026-01-22T13:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC12_last_day_of_the_month_skips_no_month()
    {
        var rule = new EveryMonthRule(-1, timeStr: "13:00:00", timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-01-31T13:00:00+00:00", "2025-02-28T13:00:00+00:00", "2025-03-31T13:00:00+00:00",
            "2025-04-30T13:00:00+00:00", "2025-05-31T13:00:00+00:00", "2025-06-30T13:00:00+00:00",
            "2025-07-31T13:00:00+00:00", "2025-08-31T13:00:00+00:00", "2025-09-30T13:00:00+00:00",
            "2025-10-31T13:00:00+00:00", "2025-11-30T13:00:00+00:00", "2025-12-31T13:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC13_last_weekday_of_the_month_skips_no_month()
    {
        var rule = new EveryMonthRule(DayOfWeek.Wednesday, -1, hour: 10, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-26T10:00:00+00:00", "2025-03-26T10:00:00+00:00", "2025-04-30T10:00:00+00:00",
            "2025-05-28T10:00:00+00:00", "2025-06-25T10:00:00+00:00", "2025-07-30T10:00:00+00:00",
            "2025-08-27T10:00:00+00:00", "2025-09-24T10:00:00+00:00", "2025-10-29T10:00:00+00:00",
            "2025-11-26T10:00:00+00:00", "2025-12-31T10:00:00+00:00", "2026-01-28T10:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Day_31_clamps_to_the_last_day_of_shorter_months()
    {
        var rule = new EveryMonthRule(31, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-28T00:00:00+00:00", "2025-03-31T00:00:00+00:00", "2025-04-30T00:00:00+00:00",
            "2025-05-31T00:00:00+00:00", "2025-06-30T00:00:00+00:00", "2025-07-31T00:00:00+00:00",
            "2025-08-31T00:00:00+00:00", "2025-09-30T00:00:00+00:00", "2025-10-31T00:00:00+00:00",
            "2025-11-30T00:00:00+00:00", "2025-12-31T00:00:00+00:00", "2026-01-31T00:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Last_day_reaches_February_29_in_a_leap_year()
    {
        var rule = new EveryMonthRule(-1, timeZone: Zones.Utc);

        string[] expected =
        [
            "2027-11-30T00:00:00+00:00", "2027-12-31T00:00:00+00:00", "2028-01-31T00:00:00+00:00",
            "2028-02-29T00:00:00+00:00", "2028-03-31T00:00:00+00:00", "2028-04-30T00:00:00+00:00",
            "2028-05-31T00:00:00+00:00", "2028-06-30T00:00:00+00:00", "2028-07-31T00:00:00+00:00",
            "2028-08-31T00:00:00+00:00", "2028-09-30T00:00:00+00:00", "2028-10-31T00:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, "2027-11-15T00:00:00+00:00", 12));
    }

    [Fact]
    public void Day_29_and_day_minus_29_in_and_around_a_leap_February()
    {
        var forward = new EveryMonthRule(29, timeZone: Zones.Utc);
        var backward = new EveryMonthRule(-29, timeZone: Zones.Utc);

        Assert.Equal(
            ["2027-11-29T00:00:00+00:00", "2027-12-29T00:00:00+00:00", "2028-01-29T00:00:00+00:00", "2028-02-29T00:00:00+00:00", "2028-03-29T00:00:00+00:00"],
            Fires.Next(forward, "2027-11-15T00:00:00+00:00", 5));
        Assert.Equal(
            ["2027-02-28T00:00:00+00:00", "2027-03-29T00:00:00+00:00"],
            Fires.Next(forward, "2027-02-01T00:00:00+00:00", 2));
        Assert.Equal(
            ["2027-12-03T00:00:00+00:00", "2028-01-03T00:00:00+00:00", "2028-02-01T00:00:00+00:00", "2028-03-03T00:00:00+00:00", "2028-04-02T00:00:00+00:00"],
            Fires.Next(backward, "2027-11-15T00:00:00+00:00", 5));
    }
}
