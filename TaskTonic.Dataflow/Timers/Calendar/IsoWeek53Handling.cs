namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// What an <see cref="EveryYearRule"/> on ISO-8601 week 53 does in a year that has only 52 ISO weeks (most years; a
/// year has week 53 when it starts on a Thursday, or is a leap year starting on a Wednesday: 2026, 2032, 2037, …).
/// </summary>
public enum IsoWeek53Handling
{
    /// <summary>
    /// Fire in week 52 instead, so the rule fires every year (the default). Thursday of week 53 at 12:00 fires on
    /// 2025-12-25 (week 52 of 2025), 2026-12-31 (week 53), 2027-12-30 (week 52), …
    /// </summary>
    FallBackToWeek52 = 0,

    /// <summary>
    /// Fire only in years that have a week 53. Thursday of week 53 at 12:00 fires on 2026-12-31, 2032-12-30,
    /// 2037-12-31, …
    /// </summary>
    Skip = 1,
}
