using System.Globalization;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

internal static class Fires
{
    /// <summary>The clock of the Python reference scenarios: Fri 2025-01-31 12:00:00 UTC.</summary>
    internal static readonly DateTimeOffset PythonNow = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);

    internal static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    internal static string[] Next(CalendarRule rule, DateTimeOffset after, int count)
    {
        var result = new string[count];
        var previous = after;
        for (var index = 0; index < count; index++)
        {
            var next = rule.NextAfter(previous);
            Assert.True(next > previous, $"{rule}: {Format(next)} is not after {Format(previous)}");
            result[index] = Format(next);
            previous = next;
        }

        return result;
    }

    internal static string[] Next(CalendarRule rule, string after, int count) => Next(rule, At(after), count);

    internal static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    internal static string[] Yearly(int firstYear, int count, string monthDayTime) =>
        Enumerable.Range(firstYear, count).Select(year => $"{year}-{monthDayTime}").ToArray();
}
