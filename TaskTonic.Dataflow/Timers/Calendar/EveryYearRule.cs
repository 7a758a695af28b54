using System.Globalization;

namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// Fires every year on one day at a local time of day. The day is a month plus a day number, a month plus the n-th
/// weekday, or an ISO-8601 week plus a weekday.
/// </summary>
/// <remarks>
/// <para>
/// Days past a month's end clamp to its last day: February 29 fires on February 28 in common years. Daylight-saving
/// gaps and overlaps are handled as for <see cref="EveryDayRule"/>.
/// </para>
/// <para>
/// ISO week 53 exists only in some years (2026, 2032, 2037, …). By default (<see cref="IsoWeek53Handling.FallBackToWeek52"/>)
/// a week-53 rule fires in week 52 of the other years, so it fires every year: Thursday of week 53 at 12:00 fires on
/// 2025-12-25, 2026-12-31, 2027-12-30. With <see cref="IsoWeek53Handling.Skip"/> it fires only in years with a week 53:
/// 2026-12-31, 2032-12-30, 2037-12-31.
/// </para>
/// </remarks>
public sealed class EveryYearRule : CalendarRule
{
    private readonly int _month;
    private readonly MonthDaySelector? _day;
    private readonly int _isoWeek;
    private readonly DayOfWeek _isoWeekday;
    private readonly IsoWeek53Handling _week53;
    private readonly TimeSpan _timeOfDay;

    /// <summary>Creates a rule that fires every year on <paramref name="month"/>/<paramref name="day"/> at the given local time.</summary>
    /// <param name="month">The month, 1..12.</param>
    /// <param name="day">1..31 from the month's start (clamped to its last day) or -1..-31 from its end (-1 is the last day).</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/>, <paramref name="day"/> or a time field is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryYearRule(int month, int day, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(CalendarArguments.Month(month), MonthDaySelector.OnDay(day), hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every year on the named month's <paramref name="day"/> at the given local time.</summary>
    /// <param name="month">An English month name or three-letter abbreviation ("August", "aug"), case-insensitive.</param>
    /// <param name="day">1..31 from the month's start (clamped to its last day) or -1..-31 from its end (-1 is the last day).</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="month"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not a month name, or another argument is invalid.</exception>
    public EveryYearRule(string month, int day, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(CalendarArguments.Month(month), day, hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every year on the <paramref name="inWeek"/>-th <paramref name="weekday"/> of <paramref name="month"/>.</summary>
    /// <param name="month">The month, 1..12.</param>
    /// <param name="weekday">The day of the week.</param>
    /// <param name="inWeek">1 is the first occurrence, -1 the last; occurrences past the first or last clamp to it.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (<paramref name="inWeek"/> 0 included).</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryYearRule(int month, DayOfWeek weekday, int inWeek = 1, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(CalendarArguments.Month(month), MonthDaySelector.OnWeekday(weekday, inWeek), hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every year on the <paramref name="inWeek"/>-th <paramref name="weekday"/> of the named month.</summary>
    /// <param name="month">An English month name or three-letter abbreviation, case-insensitive.</param>
    /// <param name="weekday">The day of the week.</param>
    /// <param name="inWeek">1 is the first occurrence, -1 the last; occurrences past the first or last clamp to it.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentException">An argument is invalid; the message says what is allowed.</exception>
    public EveryYearRule(string month, DayOfWeek weekday, int inWeek = 1, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(CalendarArguments.Month(month), weekday, inWeek, hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every year on the <paramref name="inWeek"/>-th named weekday of <paramref name="month"/>.</summary>
    /// <param name="month">The month, 1..12.</param>
    /// <param name="weekday">An English weekday name or three-letter abbreviation, case-insensitive.</param>
    /// <param name="inWeek">1 is the first occurrence, -1 the last; occurrences past the first or last clamp to it.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentException">An argument is invalid; the message says what is allowed.</exception>
    public EveryYearRule(int month, string weekday, int inWeek = 1, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(month, CalendarArguments.Weekday(weekday), inWeek, hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every year on the <paramref name="inWeek"/>-th named weekday of the named month.</summary>
    /// <param name="month">An English month name or three-letter abbreviation, case-insensitive.</param>
    /// <param name="weekday">An English weekday name or three-letter abbreviation, case-insensitive.</param>
    /// <param name="inWeek">1 is the first occurrence, -1 the last; occurrences past the first or last clamp to it.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentException">An argument is invalid; the message says what is allowed.</exception>
    public EveryYearRule(string month, string weekday, int inWeek = 1, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(CalendarArguments.Month(month), CalendarArguments.Weekday(weekday), inWeek, hour, minute, second, timeStr, timeZone)
    {
    }

    /// <summary>Creates a rule that fires every year on <paramref name="weekday"/> of ISO-8601 week <paramref name="week"/>.</summary>
    /// <param name="week">The ISO week, 1..53; see <paramref name="week53"/> for years without a week 53.</param>
    /// <param name="weekday">The day of the week (ISO weeks run Monday..Sunday, so Sunday is the week's last day).</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <param name="week53">For week 53 only: in years without a week 53, fire in week 52 (default) or skip the year.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="week"/> is <see langword="default"/>, <paramref name="weekday"/> is undefined, or a time field is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryYearRule(IsoWeekNumber week, DayOfWeek weekday, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null,
        IsoWeek53Handling week53 = IsoWeek53Handling.FallBackToWeek52)
        : base(timeZone)
    {
        _isoWeek = CalendarArguments.IsoWeek(week.Value);
        _week53 = CalendarArguments.Week53(week53);
        _isoWeekday = CalendarArguments.Weekday(weekday);
        _timeOfDay = TimeArguments.Resolve(3, hour, minute, second, timeStr);
    }

    /// <summary>Creates a rule that fires every year on the named weekday of ISO-8601 week <paramref name="week"/>.</summary>
    /// <param name="week">The ISO week, 1..53; see <paramref name="week53"/> for years without a week 53.</param>
    /// <param name="weekday">An English weekday name or three-letter abbreviation, case-insensitive.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <param name="week53">For week 53 only: in years without a week 53, fire in week 52 (default) or skip the year.</param>
    /// <exception cref="ArgumentException">An argument is invalid; the message says what is allowed.</exception>
    public EveryYearRule(IsoWeekNumber week, string weekday, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null,
        IsoWeek53Handling week53 = IsoWeek53Handling.FallBackToWeek52)
        : this(week, CalendarArguments.Weekday(weekday), hour, minute, second, timeStr, timeZone, week53)
    {
    }

    private EveryYearRule(int month, MonthDaySelector day, int hour, int minute, double second, string? timeStr, TimeZoneInfo? timeZone)
        : base(timeZone)
    {
        _month = month;
        _day = day;
        _timeOfDay = TimeArguments.Resolve(3, hour, minute, second, timeStr);
    }

    /// <inheritdoc/>
    public override DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var local = ZoneTime.LocalDate(TimeZone, instant);
        var year = _day is null ? ISOWeek.GetYear(local) : local.Year;
        for (year = Math.Max(1, year - 1); ; year++)
        {
            if (SkipsYear(year))
            {
                continue;
            }

            var next = ZoneTime.EarliestAt(TimeZone, DateIn(year) + _timeOfDay);
            if (next > instant)
            {
                return next;
            }
        }
    }

    /// <inheritdoc/>
    public override string Describe() => $"every year {DescribeDay()} at {RuleText.Time(_timeOfDay)}{RuleText.Zone(TimeZone)}";

    private bool SkipsYear(int year) =>
        _day is null && _isoWeek == 53 && _week53 == IsoWeek53Handling.Skip && ISOWeek.GetWeeksInYear(year) < 53;

    private DateTime DateIn(int year) =>
        _day is null
            ? ISOWeek.ToDateTime(year, Math.Min(_isoWeek, ISOWeek.GetWeeksInYear(year)), _isoWeekday)
            : _day.DateIn(year, _month);

    private string DescribeDay() =>
        _day is not null
            ? _day.Describe(_month)
            : $"on {_isoWeekday} of ISO week {_isoWeek}" + (_isoWeek != 53 ? string.Empty
                : _week53 == IsoWeek53Handling.Skip ? " (only in years with a week 53)" : " (or week 52 in years without a week 53)");
}
