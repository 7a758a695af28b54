namespace TaskTonic.Dataflow.Supervision;

/// <summary>One decision of a supervisor, published by <see cref="SupervisionMonitor"/>.</summary>
public sealed class SupervisionEvent
{
    internal SupervisionEvent(SupervisionEventKind kind, Tonic tonic, Exception? exception, int restartCount, TimeSpan? delay, DateTimeOffset timestamp)
    {
        Kind = kind;
        Tonic = tonic;
        Exception = exception;
        RestartCount = restartCount;
        Delay = delay;
        Timestamp = timestamp;
    }

    /// <summary>What happened.</summary>
    public SupervisionEventKind Kind { get; }

    /// <summary>The supervised tonic (for <see cref="SupervisionEventKind.Restarted"/>, the new incarnation).</summary>
    public Tonic Tonic { get; }

    /// <summary>The failure behind the decision, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>The tonic's restarts so far.</summary>
    public int RestartCount { get; }

    /// <summary>The backoff of a <see cref="SupervisionEventKind.RestartScheduled"/> event.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>When it happened, on the ledger's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Timestamp:HH:mm:ss.fff} {Kind} {Tonic.Name}" + (Delay is { } d ? $" in {d}" : string.Empty) +
        (Exception is null ? string.Empty : $" ({Exception.GetType().Name}: {Exception.Message})");
}
