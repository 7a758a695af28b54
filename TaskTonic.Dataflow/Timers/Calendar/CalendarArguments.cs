using System.Globalization;

namespace TaskTonic.Dataflow.Timers;

internal static class CalendarArguments
{
    private const string MonthsAllowed =
        "month must be between 1 and 12 or an English month name or abbreviation (January..December, Jan..Dec)";

    private const string WeekdaysAllowed =
        "weekday must be a DayOfWeek (Sunday..Saturday) or an English weekday name or abbreviation (Monday..Sunday, Mon..Sun)";

    internal static int Month(int month) =>
        month is >= 1 and <= 12
            ? month
            : throw new ArgumentOutOfRangeException(nameof(month), Got(MonthsAllowed, month));

    internal static int Month(string month)
    {
        if (month is null)
        {
            throw new ArgumentNullException(nameof(month), MonthsAllowed + ", got null");
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        var text = month.Trim();
        for (var index = 0; index < 12; index++)
        {
            if (Matches(text, names.MonthNames[index], names.AbbreviatedMonthNames[index]))
            {
                return index + 1;
            }
        }

        throw new ArgumentException(Got(MonthsAllowed, $"'{month}'"), nameof(month));
    }

    internal static DayOfWeek Weekday(DayOfWeek weekday) =>
        weekday is >= DayOfWeek.Sunday and <= DayOfWeek.Saturday
            ? weekday
            : throw new ArgumentOutOfRangeException(nameof(weekday), Got(WeekdaysAllowed, (int)weekday));

    internal static DayOfWeek Weekday(string weekday)
    {
        if (weekday is null)
        {
            throw new ArgumentNullException(nameof(weekday), WeekdaysAllowed + ", got null (the day is required)");
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        var text = weekday.Trim();
        for (var index = 0; index < 7; index++)
        {
            if (Matches(text, names.DayNames[index], names.AbbreviatedDayNames[index]))
            {
                return (DayOfWeek)index;
            }
        }

        throw new ArgumentException(Got(WeekdaysAllowed, $"'{weekday}'"), nameof(weekday));
    }

    internal static int Day(int day) =>
        day is >= -31 and <= 31 and not 0
            ? day
            : throw new ArgumentOutOfRangeException(
                nameof(day),
                Got("day must be between -31 and 31 and not 0 (negative counts from the month's end: -1 is the last day; days past the month's end clamp to it)", day));

    internal static int InWeek(int inWeek) =>
        inWeek != 0
            ? inWeek
            : throw new ArgumentOutOfRangeException(
                nameof(inWeek),
                Got("inWeek must not be 0: 1, 2, ... count occurrences from the month's start and -1, -2, ... from its end (values past the first or last occurrence clamp to it)", inWeek));

    internal static int IsoWeek(int week) =>
        week is >= 1 and <= 53
            ? week
            : throw new ArgumentOutOfRangeException(
                nameof(week),
                Got("week must be an ISO-8601 week number between 1 and 53 (for years without a week 53, see IsoWeek53Handling)", week));

    internal static IsoWeek53Handling Week53(IsoWeek53Handling week53) =>
        Enum.IsDefined(week53)
            ? week53
            : throw new ArgumentOutOfRangeException(nameof(week53), Got("week53 must be FallBackToWeek52 or Skip", week53));

    internal static string Got(string allowed, object value) =>
        string.Create(CultureInfo.InvariantCulture, $"{allowed}, got {value}");

    private static bool Matches(string text, string name, string abbreviation) =>
        string.Equals(text, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(text, abbreviation, StringComparison.OrdinalIgnoreCase);
}
