namespace TaskTonic.Dataflow;

/// <summary>A sparkle threw (the catalyst goes on with its next work order): what the ledger logs and publishes as a <see cref="DeadLetters.DeadLetter"/>.</summary>
internal sealed class SparkleFailure
{
    internal SparkleFailure(Tonic tonic, string sparkleName, string? stateName, SparkleSource source, Exception exception)
    {
        Tonic = tonic;
        SparkleName = sparkleName;
        StateName = stateName;
        Source = source;
        Exception = exception;
    }

    /// <summary>The tonic whose sparkle threw.</summary>
    public Tonic Tonic { get; }

    /// <summary>
    /// The handler that threw: the state's own handler when one ran (<c>ttse_locked__on_enter</c>), else the TaskTonic
    /// name of the sparkle or hook (<c>ttse__on_enter</c>).
    /// </summary>
    public string SparkleName { get; }

    /// <summary>The tonic's state when the sparkle ran, or null when it had none.</summary>
    public string? StateName { get; }

    /// <summary>Who queued the failed work order.</summary>
    public SparkleSource Source { get; }

    /// <summary>The exception.</summary>
    public Exception Exception { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Tonic.Name}.{SparkleName} [{StateName ?? Tonic.NoStateName}] failed: {Exception.GetType().Name}: {Exception.Message}";
}
