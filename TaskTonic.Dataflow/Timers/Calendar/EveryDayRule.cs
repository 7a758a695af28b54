namespace TaskTonic.Dataflow.Timers;

/// <summary>Fires every day at a local time of day.</summary>
/// <remarks>
/// On a spring-forward day a time inside the gap fires at the wall time moved forward by the length of the gap; on a
/// fall-back day a repeated time fires once, at its first occurrence. So every local date gets exactly one occurrence.
/// In Europe/Amsterdam (02:00→03:00 on 2025-03-30, 03:00→02:00 on 2025-10-26) 02:30 fires on 2025-03-29 02:30 +01:00,
/// 2025-03-30 03:30 +02:00, 2025-03-31 02:30 +02:00, and on 2025-10-26 only at 02:30 +02:00. Moving forward by the gap
/// (not to the transition, 03:00) keeps the skipped day's firing 24 real hours after the previous one and keeps
/// times inside the gap apart (02:15 → 03:15, 02:45 → 03:45), as java.time and NodaTime's lenient resolver do.
/// </remarks>
public sealed class EveryDayRule : CalendarRule
{
    private readonly TimeSpan _timeOfDay;

    /// <summary>Creates a rule that fires every day at <paramref name="hour"/>:<paramref name="minute"/>:<paramref name="second"/> local time.</summary>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed (rounded to 100 ns).</param>
    /// <param name="timeStr">
    /// The time as "H:M:S" instead of the three numbers; missing trailing fields are 0 ("12" is 12:00:00, "12:15" is
    /// 12:15:00). Only the second may have a fraction. <see langword="null"/> means: use the numbers.
    /// </param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryDayRule(int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : base(timeZone)
    {
        _timeOfDay = TimeArguments.Resolve(3, hour, minute, second, timeStr);
    }

    /// <inheritdoc/>
    public override DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        for (var date = ZoneTime.LocalDate(TimeZone, instant).AddDays(-1); ; date = date.AddDays(1))
        {
            var next = ZoneTime.EarliestAt(TimeZone, date + _timeOfDay);
            if (next > instant)
            {
                return next;
            }
        }
    }

    /// <inheritdoc/>
    public override string Describe() => $"every day at {RuleText.Time(_timeOfDay)}{RuleText.Zone(TimeZone)}";
}
