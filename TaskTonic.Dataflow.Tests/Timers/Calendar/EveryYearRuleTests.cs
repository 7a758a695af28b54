using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class EveryYearRuleTests
{
    private static readonly string[] LastMondayOfFebruary =
    [
        "2025-02-24T09:56:45+00:00",
        "2026-02-23T09:56:45+00:00",
        "2027-02-22T09:56:45+00:00",
        "2028-02-28T09:56:45+00:00",
        "2029-02-26T09:56:45+00:00",
        "2030-02-25T09:56:45+00:00",
        "2031-02-24T09:56:45+00:00",
        "2032-02-23T09:56:45+00:00",
        "2033-02-28T09:56:45+00:00",
        "2034-02-27T09:56:45+00:00",
        "2035-02-26T09:56:45+00:00",
        "2036-02-25T09:56:45+00:00",
    ];

    [Fact]
    public void SC01_month_and_day_fires_on_that_date_every_year()
    {
        var rule = new EveryYearRule(2, 3, hour: 8, minute: 30, timeZone: Zones.Utc);

        Assert.Equal(Fires.Yearly(2025, 12, "02-03T08:30:00+00:00"), Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC02_month_name_and_day_minus_one_is_the_last_day_of_the_month()
    {
        var rule = new EveryYearRule("august", -1, hour: 10, timeZone: Zones.Utc);

        Assert.Equal(Fires.Yearly(2025, 12, "08-31T10:00:00+00:00"), Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void SC03_month_name_and_weekday_name_with_negative_in_week_is_the_last_such_weekday()
    {
        var rule = new EveryYearRule("february", "monday", -1, timeStr: "9:56:45", timeZone: Zones.Utc);

        Assert.Equal(LastMondayOfFebruary, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Every_month_and_weekday_form_gives_the_same_dates()
    {
        var forms = new CalendarRule[]
        {
            new EveryYearRule(2, DayOfWeek.Monday, -1, 9, 56, 45, timeZone: Zones.Utc),
            new EveryYearRule("Feb", DayOfWeek.Monday, -1, timeStr: "09:56:45", timeZone: Zones.Utc),
            new EveryYearRule(2, "MON", -1, hour: 9, minute: 56, second: 45, timeZone: Zones.Utc),
            new EveryYearRule("FEBRUARY", " Monday ", inWeek: -1, timeStr: "9:56:45", timeZone: Zones.Utc),
        };

        Assert.All(forms, rule => Assert.Equal(LastMondayOfFebruary, Fires.Next(rule, Fires.PythonNow, 12)));
    }

    [Fact]
    public void SC06_a_date_already_passed_today_fires_next_year()
    {
        var rule = new EveryYearRule(1, 31, hour: 11, timeZone: Zones.Utc);

        Assert.Equal(Fires.Yearly(2026, 12, "01-31T11:00:00+00:00"), Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void February_29_fires_on_February_28_in_common_years()
    {
        var rule = new EveryYearRule(2, 29, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-02-28T00:00:00+00:00", "2026-02-28T00:00:00+00:00", "2027-02-28T00:00:00+00:00",
            "2028-02-29T00:00:00+00:00", "2029-02-28T00:00:00+00:00", "2030-02-28T00:00:00+00:00",
            "2031-02-28T00:00:00+00:00", "2032-02-29T00:00:00+00:00", "2033-02-28T00:00:00+00:00",
            "2034-02-28T00:00:00+00:00", "2035-02-28T00:00:00+00:00", "2036-02-29T00:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void Second_weekday_of_month_counts_from_the_first_occurrence()
    {
        var rule = new EveryYearRule("may", DayOfWeek.Sunday, 2, hour: 9, timeZone: Zones.Utc);

        string[] expected =
        [
            "2025-05-11T09:00:00+00:00", "2026-05-10T09:00:00+00:00", "2027-05-09T09:00:00+00:00",
            "2028-05-14T09:00:00+00:00", "2029-05-13T09:00:00+00:00", "2030-05-12T09:00:00+00:00",
            "2031-05-11T09:00:00+00:00", "2032-05-09T09:00:00+00:00", "2033-05-08T09:00:00+00:00",
            "2034-05-14T09:00:00+00:00", "2035-05-13T09:00:00+00:00", "2036-05-11T09:00:00+00:00",
        ];
        Assert.Equal(expected, Fires.Next(rule, Fires.PythonNow, 12));
    }

    [Fact]
    public void New_year_in_Kolkata_is_local_midnight_across_year_ends()
    {
        var rule = new EveryYearRule("jan", 1, timeZone: Zones.Kolkata);

        Assert.Equal(
            Fires.Yearly(2026, 12, "01-01T00:00:00+05:30"),
            Fires.Next(rule, Fires.At("2025-12-31T18:29:00+00:00"), 12));
    }

    [Fact]
    public void The_instant_of_an_occurrence_itself_is_not_after_it()
    {
        var rule = new EveryYearRule(12, 31, 23, 59, 59.5, timeZone: Zones.Utc);

        Assert.Equal(Fires.At("2026-12-31T23:59:59.5+00:00"), rule.NextAfter(Fires.At("2025-12-31T23:59:59.5+00:00")));
        Assert.Equal(Fires.At("2025-12-31T23:59:59.5+00:00"), rule.NextAfter(Fires.At("2025-12-31T23:59:59.4999999+00:00")));
    }
}
