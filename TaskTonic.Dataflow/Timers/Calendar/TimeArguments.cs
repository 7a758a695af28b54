using System.Globalization;

namespace TaskTonic.Dataflow.Timers;

internal static class TimeArguments
{
    private static readonly string[] FieldNames = ["hour", "minute", "second"];

    internal static TimeSpan Resolve(int fieldCount, int hour, int minute, double second, string? timeStr)
    {
        if (timeStr is null)
        {
            return FromParts(hour, minute, second, null);
        }

        if (hour != 0 || minute != 0 || second != 0)
        {
            throw new ArgumentException(
                $"give the time either as {string.Join('/', FieldNames[^fieldCount..])} or as timeStr, not both",
                nameof(timeStr));
        }

        return Parse(timeStr, fieldCount);
    }

    private static TimeSpan Parse(string timeStr, int fieldCount)
    {
        var names = FieldNames[^fieldCount..];
        var shape = string.Join(':', names);
        var parts = timeStr.Split(':');
        if (parts.Length > fieldCount)
        {
            throw new ArgumentException(
                $"timeStr must have at most {fieldCount} ':'-separated field(s) ({shape}; missing trailing fields are 0), got '{timeStr}'",
                nameof(timeStr));
        }

        var whole = new int[2];
        var second = 0d;
        for (var index = 0; index < parts.Length; index++)
        {
            var field = 3 - fieldCount + index;
            var parsed = field == 2
                ? double.TryParse(parts[index], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out second)
                : int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out whole[field]);
            if (!parsed)
            {
                throw new ArgumentException(
                    $"timeStr must be whole numbers separated by ':' ({shape}; only the second may have a fraction), got '{timeStr}'",
                    nameof(timeStr));
            }
        }

        return FromParts(whole[0], whole[1], second, timeStr);
    }

    private static TimeSpan FromParts(int hour, int minute, double second, string? timeStr)
    {
        var source = timeStr is null ? string.Empty : $" (from timeStr '{timeStr}')";
        if (hour is < 0 or > 23)
        {
            throw new ArgumentOutOfRangeException(
                timeStr is null ? nameof(hour) : nameof(timeStr),
                CalendarArguments.Got("hour must be between 0 and 23", hour) + source);
        }

        if (minute is < 0 or > 59)
        {
            throw new ArgumentOutOfRangeException(
                timeStr is null ? nameof(minute) : nameof(timeStr),
                CalendarArguments.Got("minute must be between 0 and 59", minute) + source);
        }

        var secondTicks = double.IsFinite(second) ? Math.Round(second * TimeSpan.TicksPerSecond) : double.NaN;
        if (!(secondTicks >= 0 && secondTicks < TimeSpan.TicksPerMinute))
        {
            throw new ArgumentOutOfRangeException(
                timeStr is null ? nameof(second) : nameof(timeStr),
                CalendarArguments.Got("second must be at least 0 and less than 60 (fractions allowed)", second) + source);
        }

        return new TimeSpan((hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (long)secondTicks);
    }
}
