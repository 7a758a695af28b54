using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>ISO week 53 in years that have only 52 weeks: fall back to week 52 (default) or skip the year.</summary>
public sealed class EveryYearRuleWeek53Tests
{
    private static readonly string[] LongYearsThursdays =
    [
        "2026-12-31T12:00:00+00:00", "2032-12-30T12:00:00+00:00", "2037-12-31T12:00:00+00:00", "2043-12-31T12:00:00+00:00",
        "2048-12-31T12:00:00+00:00", "2054-12-31T12:00:00+00:00", "2060-12-30T12:00:00+00:00", "2065-12-31T12:00:00+00:00",
    ];

    [Fact]
    public void Week_53_with_skip_fires_only_in_years_that_have_a_week_53()
    {
        var rule = new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Thursday, hour: 12, timeZone: Zones.Utc, week53: IsoWeek53Handling.Skip);

        Assert.Equal(LongYearsThursdays, Fires.Next(rule, Fires.PythonNow, 8));
    }

    [Fact]
    public void Week_53_with_skip_and_a_weekday_name_skips_too()
    {
        var rule = new EveryYearRule(new IsoWeekNumber(53), "thu", hour: 12, timeZone: Zones.Utc, week53: IsoWeek53Handling.Skip);

        Assert.Equal(LongYearsThursdays.Take(3), Fires.Next(rule, Fires.PythonNow, 3));
    }

    [Fact]
    public void Fall_back_to_week_52_is_the_default_and_fires_every_year()
    {
        var named = new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Thursday, hour: 12, timeZone: Zones.Utc, week53: IsoWeek53Handling.FallBackToWeek52);
        var unnamed = new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Thursday, hour: 12, timeZone: Zones.Utc);

        string[] expected = ["2025-12-25T12:00:00+00:00", "2026-12-31T12:00:00+00:00", "2027-12-30T12:00:00+00:00"];
        Assert.Equal(expected, Fires.Next(named, Fires.PythonNow, 3));
        Assert.Equal(Fires.Next(unnamed, Fires.PythonNow, 12), Fires.Next(named, Fires.PythonNow, 12));
    }

    [Fact]
    public void Skip_changes_nothing_for_weeks_every_year_has()
    {
        var skip = new EveryYearRule(new IsoWeekNumber(52), DayOfWeek.Sunday, timeZone: Zones.Utc, week53: IsoWeek53Handling.Skip);
        var plain = new EveryYearRule(new IsoWeekNumber(52), DayOfWeek.Sunday, timeZone: Zones.Utc);

        Assert.Equal(Fires.Next(plain, Fires.PythonNow, 12), Fires.Next(skip, Fires.PythonNow, 12));
    }

    [Fact]
    public void The_description_tells_which_handling_applies()
    {
        var skip = new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Sunday, timeZone: Zones.Utc, week53: IsoWeek53Handling.Skip);

        Assert.Equal("every year on Sunday of ISO week 53 (only in years with a week 53) at 00:00:00 (UTC)", skip.Describe());
    }

    [Fact]
    public void An_undefined_handling_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Sunday, timeZone: Zones.Utc, week53: (IsoWeek53Handling)7));

        Assert.Equal("week53", error.ParamName);
        Assert.Contains("FallBackToWeek52 or Skip", error.Message, StringComparison.Ordinal);
    }
}
