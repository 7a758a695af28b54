namespace TaskTonic.Dataflow.DeadLetters;

/// <summary>Why a work order ended up in the <see cref="DeadLetterSink"/> instead of running to completion.</summary>
public enum DeadLetterReason
{
    /// <summary>The target was finishing (or stopped by its supervisor): user sparkles no longer run.</summary>
    TonicFinishing,

    /// <summary>The target had completed and left the ledger.</summary>
    TonicCompleted,

    /// <summary>The target's catalyst no longer accepted work.</summary>
    CatalystCompleted,

    /// <summary>A callback into the state of an incarnation that its supervisor replaced by a restarted one.</summary>
    TonicRestarted,

    /// <summary>The sparkle ran and threw; <see cref="DeadLetter.Exception"/> holds the exception.</summary>
    Failed,

    /// <summary>Sent to a name or id that no live tonic has (reported by components that address tonics indirectly).</summary>
    UnknownTarget,

    /// <summary>The target's <see cref="BoundedMailbox"/> was full and dropped the newest work order (<see cref="MailboxFullMode.DropNewest"/>).</summary>
    MailboxFull,
}
