namespace TaskTonic.Dataflow.Timers;

internal static class ZoneTime
{
    private static readonly TimeSpan LongestGap = TimeSpan.FromDays(2);

    internal static TimeSpan OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero));

    internal static DateTimeOffset InZone(long utcTicks, TimeSpan offset) => new(utcTicks + offset.Ticks, offset);

    internal static DateTime LocalDate(TimeZoneInfo zone, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime.Date;

    /// <summary>
    /// Maps a local wall time to one instant: an ambiguous time to its earlier occurrence, a time inside a
    /// spring-forward gap to the wall time moved forward by the gap (read with the offset in force before the gap).
    /// </summary>
    internal static DateTimeOffset EarliestAt(TimeZoneInfo zone, DateTime wall)
    {
        if (zone.IsInvalidTime(wall))
        {
            var utcTicks = wall.Ticks - OffsetBeforeGap(zone, wall).Ticks;
            return InZone(utcTicks, OffsetAt(zone, utcTicks));
        }

        if (zone.IsAmbiguousTime(wall))
        {
            return new DateTimeOffset(wall, zone.GetAmbiguousTimeOffsets(wall).Max());
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    /// <summary>Returns the first tick in (<paramref name="fromUtc"/>, <paramref name="toUtc"/>] whose offset differs from <paramref name="fromOffset"/>.</summary>
    internal static long FindTransition(TimeZoneInfo zone, long fromUtc, long toUtc, TimeSpan fromOffset)
    {
        var low = fromUtc;
        var high = toUtc;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (OffsetAt(zone, middle) == fromOffset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    private static TimeSpan OffsetBeforeGap(TimeZoneInfo zone, DateTime wall)
    {
        for (var back = TimeSpan.FromHours(1); back <= LongestGap; back += back)
        {
            var probe = wall - back;
            if (!zone.IsInvalidTime(probe))
            {
                return zone.GetUtcOffset(probe);
            }
        }

        return zone.BaseUtcOffset;
    }
}
