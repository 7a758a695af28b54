namespace TaskTonic.Dataflow.Timers;

/// <summary>What a timer handler receives when its timer fires.</summary>
/// <param name="Id">The timer's id (unique per ledger).</param>
/// <param name="Name">The timer's name.</param>
/// <param name="ScheduledAt">When the expiry was due.</param>
/// <param name="FiredAt">When the handler ran (the ledger clock's time).</param>
/// <param name="MissedTicks">Repeat timers: periods skipped because the catalyst was busy; otherwise 0.</param>
public sealed record TimerInfo(int Id, string Name, DateTimeOffset ScheduledAt, DateTimeOffset FiredAt, int MissedTicks)
{
    /// <summary>How late the handler ran: <see cref="FiredAt"/> minus <see cref="ScheduledAt"/>.</summary>
    public TimeSpan Lateness => FiredAt - ScheduledAt;
}
