namespace TaskTonic.Dataflow.Timers;

/// <summary>Fires every month on one day (a day number or the n-th weekday) at a local time of day.</summary>
/// <remarks>
/// Every month gets exactly one occurrence: days past the month's end clamp to its last day (day 31 fires on
/// April 30), and each month is computed from year/month arithmetic, so no month is ever skipped. Daylight-saving
/// gaps and overlaps are handled as for <see cref="EveryDayRule"/>.
/// </remarks>
public sealed class EveryMonthRule : CalendarRule
{
    private readonly MonthDaySelector _day;
    private readonly TimeSpan _timeOfDay;

    /// <summary>Creates a rule that fires every month on day <paramref name="day"/> at the given local time.</summary>
    /// <param name="day">
    /// 1..31 counts from the month's start (clamped to its last day); -1..-31 counts from its end (-1 is the last day,
    /// clamped to the first day).
    /// </param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is 0 or outside -31..31, or a time field is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryMonthRule(int day, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(MonthDaySelector.OnDay(day), hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every month on the <paramref name="inWeek"/>-th <paramref name="weekday"/> at the given local time.</summary>
    /// <param name="weekday">The day of the week.</param>
    /// <param name="inWeek">
    /// Which occurrence: 1 is the first, 2 the second, ...; -1 is the last, -2 the second-to-last, ... An occurrence
    /// past the month's last (or before its first) clamps to it, so 5 and 6 mean "the fifth, or else the last".
    /// </param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekday"/> is undefined, <paramref name="inWeek"/> is 0, or a time field is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryMonthRule(DayOfWeek weekday, int inWeek = 1, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(MonthDaySelector.OnWeekday(weekday, inWeek), hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every month on the <paramref name="inWeek"/>-th named weekday at the given local time.</summary>
    /// <param name="weekday">An English weekday name or three-letter abbreviation ("Wednesday", "wed"), case-insensitive.</param>
    /// <param name="inWeek">Which occurrence, as for the <see cref="DayOfWeek"/> overload.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weekday"/> is <see langword="null"/> (the day is required).</exception>
    /// <exception cref="ArgumentException"><paramref name="weekday"/> is not a weekday name, or another argument is invalid.</exception>
    public EveryMonthRule(string weekday, int inWeek = 1, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(CalendarArguments.Weekday(weekday), inWeek, hour, minute, second, timeStr, timeZone)
    {
    }

    private EveryMonthRule(MonthDaySelector day, int hour, int minute, double second, string? timeStr, TimeZoneInfo? timeZone)
        : base(timeZone)
    {
        _day = day;
        _timeOfDay = TimeArguments.Resolve(3, hour, minute, second, timeStr);
    }

    /// <inheritdoc/>
    public override DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var local = ZoneTime.LocalDate(TimeZone, instant);
        var month = new DateTime(local.Year, local.Month, 1);
        if (month > DateTime.MinValue)
        {
            month = month.AddMonths(-1);
        }

        for (; ; month = month.AddMonths(1))
        {
            var next = ZoneTime.EarliestAt(TimeZone, _day.DateIn(month.Year, month.Month) + _timeOfDay);
            if (next > instant)
            {
                return next;
            }
        }
    }

    /// <inheritdoc/>
    public override string Describe() =>
        $"every month {_day.Describe(0)} at {RuleText.Time(_timeOfDay)}{RuleText.Zone(TimeZone)}";
}
