namespace TaskTonic.Dataflow.DeadLetters;

/// <summary>A work order that was dropped, or that failed, as published by <see cref="DeadLetterSink"/>.</summary>
public sealed class DeadLetter
{
    internal DeadLetter(Tonic? target, string targetName, string sparkleName, object? arguments, SparkleSource source,
        DeadLetterReason reason, Exception? exception, DateTimeOffset timestamp)
    {
        Target = target;
        TargetName = targetName;
        SparkleName = sparkleName;
        Arguments = arguments;
        Source = source;
        Reason = reason;
        Exception = exception;
        Timestamp = timestamp;
    }

    /// <summary>The tonic the work order was sent to, or null when the target was unknown.</summary>
    public Tonic? Target { get; }

    /// <summary>The target's name (or the address that matched no tonic).</summary>
    public string TargetName { get; }

    /// <summary>The TaskTonic name of the sparkle (<c>ttsc__work</c>), or a runtime name for system work.</summary>
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

    /// <inheritdoc />
    public override string ToString() => Exception is null
        ? $"{TargetName}.{SparkleName} from {Source}: {Reason}"
        : $"{TargetName}.{SparkleName} from {Source}: {Reason} ({Exception.GetType().Name}: {Exception.Message})";
}
