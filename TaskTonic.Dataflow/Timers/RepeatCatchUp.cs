namespace TaskTonic.Dataflow.Timers;

/// <summary>What a <see cref="RepeatTimer"/> does when its catalyst was blocked for more than one period.</summary>
public enum RepeatCatchUp
{
    /// <summary>
    /// Fire once, report the skipped periods in <see cref="TimerInfo.MissedTicks"/>, and keep the original grid:
    /// the next expiry is the first one after now. The default: a slow catalyst is not flooded.
    /// </summary>
    Skip,

    /// <summary>
    /// Fire once for every period that passed, back to back (TaskTonic's Python behaviour); each fire reports its own
    /// scheduled time. A handler that stops, restarts or finishes the timer ends the burst.
    /// </summary>
    Burst,
}
