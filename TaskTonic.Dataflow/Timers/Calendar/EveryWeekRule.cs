namespace TaskTonic.Dataflow.Timers;

/// <summary>Fires every week on one weekday at a local time of day.</summary>
/// <remarks>Daylight-saving gaps and overlaps are handled as for <see cref="EveryDayRule"/>: once per matching local date.</remarks>
public sealed class EveryWeekRule : CalendarRule
{
    private readonly DayOfWeek _weekday;
    private readonly TimeSpan _timeOfDay;

    /// <summary>Creates a rule that fires every <paramref name="weekday"/> at the given local time.</summary>
    /// <param name="weekday">The day of the week.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekday"/> is not a defined <see cref="DayOfWeek"/>, or a time field is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeStr"/> is malformed, or given together with non-zero numbers.</exception>
    public EveryWeekRule(DayOfWeek weekday, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : base(timeZone)
    {
        _weekday = CalendarArguments.Weekday(weekday);
        _timeOfDay = TimeArguments.Resolve(3, hour, minute, second, timeStr);
    }

    /// <summary>Creates a rule that fires every week on the named weekday at the given local time.</summary>
    /// <param name="weekday">An English weekday name or three-letter abbreviation ("Friday", "fri"), case-insensitive.</param>
    /// <param name="hour">The hour, 0..23.</param>
    /// <param name="minute">The minute, 0..59.</param>
    /// <param name="second">The second, at least 0 and less than 60; fractions are allowed.</param>
    /// <param name="timeStr">The time as "H:M:S" instead of the numbers; missing trailing fields are 0.</param>
    /// <param name="timeZone">The zone whose wall clock is used; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weekday"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="weekday"/> is not a weekday name, or the time is invalid.</exception>
    public EveryWeekRule(string weekday, int hour = 0, int minute = 0, double second = 0, string? timeStr = null, TimeZoneInfo? timeZone = null)
        : this(CalendarArguments.Weekday(weekday), hour, minute, second, timeStr, timeZone)
    {
    }

    /// <inheritdoc/>
    public override DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var start = ZoneTime.LocalDate(TimeZone, instant).AddDays(-1);
        for (var date = start.AddDays((_weekday - start.DayOfWeek + 7) % 7); ; date = date.AddDays(7))
        {
            var next = ZoneTime.EarliestAt(TimeZone, date + _timeOfDay);
            if (next > instant)
            {
                return next;
            }
        }
    }

    /// <inheritdoc/>
    public override string Describe() =>
        $"every week on {_weekday} at {RuleText.Time(_timeOfDay)}{RuleText.Zone(TimeZone)}";
}
