namespace TaskTonic.Dataflow;

/// <summary>What a <see cref="BoundedMailbox"/> does with a sparkle posted while it is full.</summary>
public enum MailboxFullMode
{
    /// <summary>
    /// The poster waits for room. <see cref="Tonic.SendAsync"/> completes once there is room; a generated entry point called
    /// outside any sparkle blocks its thread until then. A sparkle never blocks its catalyst: a sparkle's post is admitted
    /// beyond the capacity (and counted, so the tonic drains it before others get room).
    /// </summary>
    Wait,

    /// <summary>
    /// The new work order is dropped and reported like other dropped work: a dead letter (<see cref="Ledger.DeadLetters"/>)
    /// with <see cref="DeadLetters.DeadLetterReason.MailboxFull"/>.
    /// </summary>
    DropNewest,

    /// <summary>The entry point throws an <see cref="InvalidOperationException"/> naming the tonic and the capacity.</summary>
    Fail,
}
