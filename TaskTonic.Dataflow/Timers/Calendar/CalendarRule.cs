namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// A recurring point in local calendar time ("every month on the last Wednesday at 09:00") in one time zone,
/// turned into absolute instants. Rules are immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>
/// Every occurrence is computed from the rule itself, never by adding a period to a previous occurrence, so a
/// sequence of <see cref="NextAfter"/> calls never drifts.
/// </para>
/// <para>
/// Daylight-saving behaviour of the built-in rules:
/// a local time that does not exist (a spring-forward gap) fires at the wall time moved forward by the length of
/// the gap (02:30 in a 02:00→03:00 gap fires at 03:30, the same elapsed time after the previous day's 02:30; the
/// transition instant 03:00 is not used, so distinct times in the gap stay distinct);
/// a local time that occurs twice (a fall-back overlap) fires once, at its first (earlier) occurrence, for daily
/// and longer rules. Hourly and minutely rules follow real time instead: they fire at every instant whose local
/// wall clock shows their minute/second, so they fire in both passes of a repeated hour.
/// </para>
/// </remarks>
public abstract class CalendarRule
{
    /// <summary>Initializes the rule for a time zone.</summary>
    /// <param name="timeZone">The zone whose wall clock the rule follows; <see langword="null"/> means <see cref="TimeZoneInfo.Local"/>.</param>
    protected CalendarRule(TimeZoneInfo? timeZone)
    {
        TimeZone = timeZone ?? TimeZoneInfo.Local;
    }

    /// <summary>Gets the time zone whose local wall clock the rule follows. Never <see langword="null"/>.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// Returns the first instant at which the rule fires that lies strictly after <paramref name="instant"/>.
    /// </summary>
    /// <param name="instant">Any instant; only its UTC value matters, its offset is ignored.</param>
    /// <returns>
    /// The next occurrence, expressed with the UTC offset that <see cref="TimeZone"/> has at that instant. Calling
    /// the method again with the result gives the occurrence after it; the results are strictly increasing.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">The next occurrence lies beyond <see cref="DateTimeOffset.MaxValue"/>.</exception>
    public abstract DateTimeOffset NextAfter(DateTimeOffset instant);

    /// <summary>
    /// Describes the rule in English, for example "every month on the last Wednesday at 09:00:00 (Europe/Amsterdam)".
    /// The text always ends with the time zone id in parentheses.
    /// </summary>
    /// <returns>A one-line description of the rule.</returns>
    public abstract string Describe();

    /// <summary>Returns <see cref="Describe"/>.</summary>
    /// <returns>The rule's description.</returns>
    public sealed override string ToString() => Describe();
}
