namespace TaskTonic.Dataflow.DeadLetters;

/// <summary>
/// A work order that did not run to completion, as published by <see cref="DeadLetterSink"/>: dropped (see
/// <see cref="Reason"/>) or failed (<see cref="DeadLetterReason.Failed"/>, with its <see cref="Exception"/>).
/// </summary>
public sealed class DeadLetter
{
    internal DeadLetter(Tonic? target, string targetName, string sparkleName, object? arguments, SparkleSource source,
        DeadLetterReason reason, Exception? exception, DateTimeOffset timestamp, string? stateName)
    {
        Target = target;
        TargetName = targetName;
        SparkleName = sparkleName;
        Arguments = arguments;
        Source = source;
        Reason = reason;
        Exception = exception;
        Timestamp = timestamp;
        StateName = stateName;
    }

    /// <summary>The tonic the work order was sent to, or null when the target was unknown.</summary>
    public Tonic? Target { get; }

    /// <summary>The target's name (or the address that matched no tonic).</summary>
    public string TargetName { get; }

    /// <summary>
    /// The sparkle: for a failure the handler that threw (the state's own handler when one ran,
    /// <c>ttse_locked__on_enter</c>, else the sparkle's TaskTonic name); for dropped work the TaskTonic name
    /// (<c>ttsc__work</c>); a runtime name for system work.
    /// </summary>
    public string SparkleName { get; }

    /// <summary>The packed arguments: null, the single argument, or a tuple.</summary>
    public object? Arguments { get; }

    /// <summary>Who sent the work order.</summary>
    public SparkleSource Source { get; }

    /// <summary>Why the work order is here.</summary>
    public DeadLetterReason Reason { get; }

    /// <summary>The exception of a <see cref="DeadLetterReason.Failed"/> work order, else null.</summary>
    public Exception? Exception { get; }

    /// <summary>When it was reported, on the ledger's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The target's state when the work order failed or was dropped; null when it had none or the target was unknown.</summary>
    public string? StateName { get; }

    /// <inheritdoc />
    public override string ToString() => Exception is null
        ? $"{TargetName}.{SparkleName} from {Source}: {Reason}"
        : $"{TargetName}.{SparkleName} from {Source}: {Reason} ({Exception.GetType().Name}: {Exception.Message})";
}
