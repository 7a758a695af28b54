namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// An ISO-8601 week number (1..53). It selects the ISO-week form of <see cref="EveryYearRule"/>, which would
/// otherwise be indistinguishable from a month number.
/// </summary>
public readonly record struct IsoWeekNumber
{
    /// <summary>Creates a week number.</summary>
    /// <param name="week">The ISO week, 1..53. Week 1 is the week with the year's first Thursday; weeks start on Monday.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="week"/> is outside 1..53.</exception>
    public IsoWeekNumber(int week)
    {
        Value = CalendarArguments.IsoWeek(week);
    }

    /// <summary>Gets the week number, 1..53 (0 only for <see langword="default"/>, which rules reject).</summary>
    public int Value { get; }
}
