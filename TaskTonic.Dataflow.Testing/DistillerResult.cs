namespace TaskTonic.Dataflow.Testing;

/// <summary>What one run of the <see cref="Distiller"/> (<see cref="Distiller.RunUntilIdle"/> and the others) did.</summary>
public sealed class DistillerResult
{
    internal DistillerResult(StopReasons reasons, int workOrders, IReadOnlyList<SparkleTrace> trace, DateTimeOffset startedAt, DateTimeOffset endedAt,
        ContractDetails? contract = null)
    {
        Reasons = reasons;
        WorkOrders = workOrders;
        Trace = trace;
        StartedAt = startedAt;
        EndedAt = endedAt;
        Contract = contract;
    }

    /// <summary>Why it stopped.</summary>
    public StopReasons Reasons { get; }

    /// <summary>How many work orders ran.</summary>
    public int WorkOrders { get; }

    /// <summary>The sparkles that ran during this call, in order.</summary>
    public IReadOnlyList<SparkleTrace> Trace { get; }

    /// <summary>Virtual time at the start.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Virtual time at the end.</summary>
    public DateTimeOffset EndedAt { get; }

    /// <summary>
    /// The contract's last evaluation (which tonics matched and why), or null when no contract was given or no work
    /// order ran.
    /// </summary>
    public ContractDetails? Contract { get; }

    /// <summary>True when <paramref name="reason"/> is among <see cref="Reasons"/>.</summary>
    public bool StoppedBecause(StopReasons reason) => (Reasons & reason) == reason;

    /// <summary>The names of the sparkles that ran (hooks and runtime work included), in order.</summary>
    public IReadOnlyList<string> SparkleNames => [.. Trace.Select(t => t.Sparkle)];

    /// <inheritdoc/>
    public override string ToString() => $"{Reasons} after {WorkOrders} work orders ({Trace.Count} sparkles)";
}
