namespace TaskTonic.Dataflow;

/// <summary>
/// Bounds a tonic's mailbox (<see cref="TonicOptions.Mailbox"/>): at most <see cref="Capacity"/> sparkles posted
/// through its generated entry points wait to run; <see cref="WhenFull"/> says what happens to one more. Runtime work
/// (start, timers, state requests, callbacks) is never bounded. Without it a mailbox is unbounded: posting never waits.
/// </summary>
public sealed class BoundedMailbox
{
    /// <summary>Creates the bound.</summary>
    /// <param name="capacity">The most sparkles waiting to run; at least 1.</param>
    /// <param name="whenFull">What a post into a full mailbox does. Default <see cref="MailboxFullMode.Wait"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1, or <paramref name="whenFull"/> is not a defined mode.</exception>
    public BoundedMailbox(int capacity, MailboxFullMode whenFull = MailboxFullMode.Wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!Enum.IsDefined(whenFull))
        {
            throw new ArgumentOutOfRangeException(nameof(whenFull), whenFull, "Not a MailboxFullMode.");
        }

        Capacity = capacity;
        WhenFull = whenFull;
    }

    /// <summary>The most sparkles waiting to run.</summary>
    public int Capacity { get; }

    /// <summary>What a post into a full mailbox does.</summary>
    public MailboxFullMode WhenFull { get; }
}
