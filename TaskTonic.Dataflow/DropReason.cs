namespace TaskTonic.Dataflow;

/// <summary>Why a work order was not executed.</summary>
public enum DropReason
{
    /// <summary>The target tonic was finishing: user sparkles no longer run.</summary>
    TonicFinishing,

    /// <summary>The target tonic had completed and left the ledger.</summary>
    TonicCompleted,

    /// <summary>The target's catalyst no longer accepted work.</summary>
    CatalystCompleted,

    /// <summary>A callback into the state of an incarnation that its supervisor replaced by a restarted one.</summary>
    TonicRestarted,

    /// <summary>The target's <see cref="BoundedMailbox"/> was full and drops the newest work (<see cref="MailboxFullMode.DropNewest"/>).</summary>
    MailboxFull,
}
