using System.Globalization;

namespace TaskTonic.Dataflow.Timers;

internal static class RuleText
{
    private static readonly string[] CountWords = ["first", "second", "third", "fourth", "fifth"];

    internal static string Time(TimeSpan timeOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeOfDay.Hours:00}:{timeOfDay.Minutes:00}:{Seconds(timeOfDay)}");

    internal static string Seconds(TimeSpan time)
    {
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        var whole = time.Seconds.ToString("00", CultureInfo.InvariantCulture);
        return fraction == 0
            ? whole
            : whole + "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    internal static string Zone(TimeZoneInfo zone) => $" ({zone.Id})";

    internal static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    internal static string FromStart(int count) => count <= CountWords.Length ? CountWords[count - 1] : Ordinal(count);

    internal static string FromEnd(int count) => count == 1 ? "last" : FromStart(count) + "-to-last";

    private static string Ordinal(int number)
    {
        var suffix = (number % 100) is >= 11 and <= 13
            ? "th"
            : (number % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
