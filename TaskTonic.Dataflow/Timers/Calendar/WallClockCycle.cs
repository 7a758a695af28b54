namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// The instants at which a zone's wall clock reads a fixed phase within a fixed period (for example ":15:00 of every
/// hour"), following real time: both passes of a repeated hour count, and a phase that falls inside a spring-forward
/// gap fires at the wall time moved forward by the gap.
/// </summary>
internal sealed class WallClockCycle
{
    private static readonly long LookBack = TimeSpan.FromHours(3).Ticks;
    private static readonly long Reach = TimeSpan.FromHours(6).Ticks;

    private readonly TimeZoneInfo _zone;
    private readonly long _period;
    private readonly long _phase;
    private readonly TimeSpan? _fixedOffset;
    private OffsetSpan? _knownSpan;

    internal WallClockCycle(TimeZoneInfo zone, TimeSpan period, TimeSpan phase)
    {
        _zone = zone;
        _period = period.Ticks;
        _phase = phase.Ticks;
        _fixedOffset = zone.GetAdjustmentRules().Length == 0 ? zone.BaseUtcOffset : null;
    }

    internal DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var after = instant.UtcTicks;
        if (_fixedOffset is { } fixedOffset)
        {
            return ZoneTime.InZone(FirstMatch(after, fixedOffset, inclusive: false), fixedOffset);
        }

        var lookBackStart = Math.Max(after - LookBack, 0);
        var span = Volatile.Read(ref _knownSpan);
        var offset = span is not null && span.Covers(lookBackStart, after) ? span.Offset : ZoneTime.OffsetAt(_zone, after);
        var quick = FirstMatch(after, offset, inclusive: false);
        if ((span is not null && span.Covers(lookBackStart, quick)) || IsConstant(lookBackStart, quick, offset))
        {
            return ZoneTime.InZone(quick, offset);
        }

        var best = EarlierGapMatch(after, offset);
        var from = after;
        var inclusive = false;
        while (true)
        {
            var candidate = FirstMatch(from, offset, inclusive);
            if (ZoneTime.OffsetAt(_zone, candidate) == offset)
            {
                (long Utc, TimeSpan Offset) chosen = best is { } gap && gap.Utc < candidate ? gap : (candidate, offset);
                return ZoneTime.InZone(chosen.Utc, chosen.Offset);
            }

            var transition = ZoneTime.FindTransition(_zone, from, candidate, offset);
            var next = ZoneTime.OffsetAt(_zone, transition);
            best = Earliest(best, GapMatch(transition, offset, next, after));
            from = transition;
            offset = next;
            inclusive = true;
        }
    }

    /// <summary>
    /// Checks that the offset is the same at both ends and remembers the span, stretched by <see cref="Reach"/> when
    /// the offset is still the same there. Like the look-back, this assumes that a zone's offset never changes twice
    /// within a few hours.
    /// </summary>
    private bool IsConstant(long from, long to, TimeSpan offset)
    {
        if (ZoneTime.OffsetAt(_zone, from) != offset || ZoneTime.OffsetAt(_zone, to) != offset)
        {
            return false;
        }

        var ahead = Math.Min(to + Reach, DateTimeOffset.MaxValue.UtcTicks);
        var end = ZoneTime.OffsetAt(_zone, ahead) == offset ? ahead : to;
        var known = Volatile.Read(ref _knownSpan);
        var start = known is not null && known.Offset == offset && known.Covers(from, from) ? known.Start : from;
        Volatile.Write(ref _knownSpan, new OffsetSpan(start, end, offset));
        return true;
    }

    private (long Utc, TimeSpan Offset)? EarlierGapMatch(long after, TimeSpan offset)
    {
        var lookBackStart = Math.Max(after - LookBack, 0);
        var earlier = ZoneTime.OffsetAt(_zone, lookBackStart);
        if (earlier == offset)
        {
            return null;
        }

        var transition = ZoneTime.FindTransition(_zone, lookBackStart, after, earlier);
        return GapMatch(transition, earlier, ZoneTime.OffsetAt(_zone, transition), after);
    }

    private (long Utc, TimeSpan Offset)? GapMatch(long transition, TimeSpan before, TimeSpan afterGap, long after)
    {
        if (afterGap <= before)
        {
            return null;
        }

        var lowest = Math.Max(transition + before.Ticks, after + before.Ticks + 1);
        var wall = FirstWallMatch(lowest, inclusive: true);
        return wall < transition + afterGap.Ticks ? (wall - before.Ticks, afterGap) : null;
    }

    private long FirstMatch(long fromUtc, TimeSpan offset, bool inclusive) =>
        FirstWallMatch(fromUtc + offset.Ticks, inclusive) - offset.Ticks;

    private long FirstWallMatch(long wall, bool inclusive)
    {
        var remainder = (wall - _phase) % _period;
        if (remainder < 0)
        {
            remainder += _period;
        }

        var match = wall - remainder;
        return remainder == 0 && inclusive ? match : match + _period;
    }

    private static (long Utc, TimeSpan Offset)? Earliest((long Utc, TimeSpan Offset)? current, (long Utc, TimeSpan Offset)? other) =>
        current is null || (other is not null && other.Value.Utc < current.Value.Utc) ? other : current;

    private sealed record OffsetSpan(long Start, long End, TimeSpan Offset)
    {
        internal bool Covers(long from, long to) => from >= Start && to <= End;
    }
}
