namespace TaskTonic.Dataflow.Timers;

/// <summary>Fires every minute when the local wall clock's second reads <c>ss</c>.</summary>
/// <remarks>
/// The rule follows real time like <see cref="EveryHourRule"/>: it fires in every real minute, including both passes
/// of a repeated (fall-back) hour, and a day of 24 real hours always has 1440 firings. In Europe/Amsterdam on
/// 2025-10-26 it fires at 02:59 +02:00, then 02:00 +01:00; on 2025-03-30 at 01:59 +01:00, then 03:00 +02:00.
/// </remarks>
public sealed class EveryMinuteRule : CalendarRule
{
    private readonly TimeSpan _offsetInMinute;
    private readonly WallClockCycle _cycle;

    /// <summary>Creates a rule that fires every minute at <paramref name="second"/> past the local minute.</summary>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed (rounded to 100 ns), for example 2.5.</param>
    /// <param name="timeStr">The second as text instead of the number, for example "30" or "2.5".</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The second is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with a non-zero number.</exception>
    public EveryMinuteRule(double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : base(timeZone)
    {
        _offsetInMinute = TimeArguments.Resolve(1, 0, 0, second, timeStr);
        _cycle = new WallClockCycle(TimeZone, TimeSpan.FromMinutes(1), _offsetInMinute);
    }

    /// <inheritdoc/>
    public override DateTimeOffset NextAfter(DateTimeOffset instant) => _cycle.NextAfter(instant);

    /// <inheritdoc/>
    public override string Describe() =>
        $"every minute at xx:xx:{RuleText.Seconds(_offsetInMinute)}{RuleText.Zone(TimeZone)}";
}
