namespace TaskTonic.Dataflow.Timers;

/// <summary>Picks one day of a month: a day number (negative from the end) or the n-th weekday, clamped into the month.</summary>
internal sealed class MonthDaySelector
{
    private const int MostPerMonth = 5;

    private readonly int _day;
    private readonly DayOfWeek _weekday;
    private readonly int _inWeek;

    private MonthDaySelector(int day, DayOfWeek weekday, int inWeek)
    {
        _day = day;
        _weekday = weekday;
        _inWeek = inWeek;
    }

    internal static MonthDaySelector OnDay(int day) => new(CalendarArguments.Day(day), DayOfWeek.Sunday, 0);

    internal static MonthDaySelector OnWeekday(DayOfWeek weekday, int inWeek) =>
        new(0, CalendarArguments.Weekday(weekday), CalendarArguments.InWeek(inWeek) switch
        {
            > MostPerMonth => -1,
            < -MostPerMonth => 1,
            var count => count,
        });

    internal DateTime DateIn(int year, int month)
    {
        var length = DateTime.DaysInMonth(year, month);
        return new DateTime(year, month, _inWeek switch
        {
            0 when _day > 0 => Math.Min(_day, length),
            0 => Math.Max(1, length + _day + 1),
            > 0 => NthWeekday(year, month, length),
            _ => NthWeekdayFromEnd(year, month, length),
        });
    }

    internal string Describe(int month)
    {
        var shortest = month == 0 ? 28 : DateTime.DaysInMonth(2001, month);
        var of = month == 0 ? string.Empty : " of " + RuleText.MonthName(month);
        return _inWeek switch
        {
            0 when _day > 0 && month != 0 => $"on {RuleText.MonthName(month)} {_day}" + Clamp(_day > shortest, "last day if the month is shorter"),
            0 when _day > 0 => $"on day {_day}" + Clamp(_day > shortest, "last day if the month is shorter"),
            0 => $"on the {RuleText.FromEnd(-_day)} day{of}" + Clamp(-_day > shortest, "first day if the month is shorter"),
            > 0 => $"on the {RuleText.FromStart(_inWeek)} {_weekday}{of}" + Clamp(_inWeek == MostPerMonth, "last one if there are fewer"),
            _ => $"on the {RuleText.FromEnd(-_inWeek)} {_weekday}{of}" + Clamp(_inWeek == -MostPerMonth, "first one if there are fewer"),
        };
    }

    private int NthWeekday(int year, int month, int length)
    {
        var first = 1 + ((_weekday - new DateTime(year, month, 1).DayOfWeek + 7) % 7);
        var last = first + ((length - first) / 7 * 7);
        return Math.Min(first + ((_inWeek - 1) * 7), last);
    }

    private int NthWeekdayFromEnd(int year, int month, int length)
    {
        var last = length - ((new DateTime(year, month, length).DayOfWeek - _weekday + 7) % 7);
        var first = last - ((last - 1) / 7 * 7);
        return Math.Max(last - ((-_inWeek - 1) * 7), first);
    }

    private static string Clamp(bool applies, string fallback) => applies ? $" (or the {fallback})" : string.Empty;
}
