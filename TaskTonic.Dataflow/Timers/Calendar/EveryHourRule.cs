using System.Globalization;

namespace TaskTonic.Dataflow.Timers;

/// <summary>Fires every hour when the local wall clock reads <c>xx:mm:ss</c>.</summary>
/// <remarks>
/// The hour is the local wall-clock hour, so in a zone such as Asia/Kolkata (UTC+05:30) minute 15 fires at local
/// :15, not at UTC :15. The rule follows real time: in a repeated (fall-back) hour it fires in both passes, so it
/// fires in every real hour. A time inside a spring-forward gap fires at the wall time moved forward by the gap; with
/// a whole-hour gap that is the next real hour's firing (fired once), with a half-hour gap (Australia/Lord_Howe) it is
/// an extra firing half an hour later. In Europe/Amsterdam minute 30 fires on 2025-10-26 at 01:30 +02:00,
/// 02:30 +02:00, 02:30 +01:00, 03:30 +01:00 (one firing per real hour; firing once would leave a two-hour hole), and
/// on 2025-03-30 at 01:30 +01:00, then 03:30 +02:00.
/// </remarks>
public sealed class EveryHourRule : CalendarRule
{
    private readonly TimeSpan _offsetInHour;
    private readonly WallClockCycle _cycle;

    /// <summary>Creates a rule that fires every hour at <paramref name="minute"/>:<paramref name="second"/> past the local hour.</summary>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">
    /// The time as "M:S" instead of the numbers; a missing second is 0, so "15" is minute 15. Only the second may
    /// have a fraction.
    /// </param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryHourRule(int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : base(timeZone)
    {
        _offsetInHour = TimeArguments.Resolve(2, 0, minute, second, timeStr);
        _cycle = new WallClockCycle(TimeZone, TimeSpan.FromHours(1), _offsetInHour);
    }

    /// <inheritdoc/>
    public override DateTimeOffset NextAfter(DateTimeOffset instant) => _cycle.NextAfter(instant);

    /// <inheritdoc/>
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"every hour at xx:{_offsetInHour.Minutes:00}:{RuleText.Seconds(_offsetInHour)}{RuleText.Zone(TimeZone)}");
}
