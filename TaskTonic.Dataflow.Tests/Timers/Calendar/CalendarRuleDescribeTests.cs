using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class CalendarRuleDescribeTests
{
    public static TheoryData<CalendarRule, string> Descriptions => new()
    {
        { new EveryYearRule(2, 3, 8, 30, timeZone: Zones.Utc), "every year on February 3 at 08:30:00 (UTC)" },
        { new EveryYearRule("august", -1, 10, timeZone: Zones.Utc), "every year on the last day of August at 10:00:00 (UTC)" },
        { new EveryYearRule(2, 29, timeZone: Zones.Utc), "every year on February 29 (or the last day if the month is shorter) at 00:00:00 (UTC)" },
        { new EveryYearRule(4, -10, timeZone: Zones.Utc), "every year on the 10th-to-last day of April at 00:00:00 (UTC)" },
        { new EveryYearRule("feb", "mon", -1, timeStr: "9:56:45", timeZone: Zones.Utc), "every year on the last Monday of February at 09:56:45 (UTC)" },
        { new EveryYearRule(new IsoWeekNumber(1), "tue", 8, timeZone: Zones.Utc), "every year on Tuesday of ISO week 1 at 08:00:00 (UTC)" },
        { new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Sunday, timeZone: Zones.Utc), "every year on Sunday of ISO week 53 (or week 52 in years without a week 53) at 00:00:00 (UTC)" },
        { new EveryMonthRule(DayOfWeek.Wednesday, -1, 9, timeZone: Zones.Amsterdam), "every month on the last Wednesday at 09:00:00 (Europe/Amsterdam)" },
        { new EveryMonthRule("tuesday", 6, 10, timeZone: Zones.Utc), "every month on the last Tuesday at 10:00:00 (UTC)" },
        { new EveryMonthRule("wednesday", -6, 10, timeZone: Zones.Utc), "every month on the first Wednesday at 10:00:00 (UTC)" },
        { new EveryMonthRule(DayOfWeek.Friday, 5, timeZone: Zones.Utc), "every month on the fifth Friday (or the last one if there are fewer) at 00:00:00 (UTC)" },
        { new EveryMonthRule(DayOfWeek.Friday, -2, timeZone: Zones.Utc), "every month on the second-to-last Friday at 00:00:00 (UTC)" },
        { new EveryMonthRule(31, timeZone: Zones.Utc), "every month on day 31 (or the last day if the month is shorter) at 00:00:00 (UTC)" },
        { new EveryMonthRule(-31, timeZone: Zones.Utc), "every month on the 31st-to-last day (or the first day if the month is shorter) at 00:00:00 (UTC)" },
        { new EveryMonthRule(27, timeStr: "13", timeZone: Zones.Utc), "every month on day 27 at 13:00:00 (UTC)" },
        { new EveryWeekRule("Friday", 11, timeZone: Zones.NewYork), "every week on Friday at 11:00:00 (America/New_York)" },
        { new EveryDayRule(5, 30, 0.125, timeZone: Zones.Kolkata), "every day at 05:30:00.125 (Asia/Kolkata)" },
        { new EveryHourRule(15, timeZone: Zones.Kolkata), "every hour at xx:15:00 (Asia/Kolkata)" },
        { new EveryMinuteRule(2.5, timeZone: Zones.LordHowe), "every minute at xx:xx:02.5 (Australia/Lord_Howe)" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_says_the_rule_in_words_and_ToString_is_the_same(CalendarRule rule, string expected)
    {
        Assert.Equal(expected, rule.Describe());
        Assert.Equal(expected, rule.ToString());
    }
}
