namespace TaskTonic.Dataflow.Testing;

/// <summary>One executed sparkle (or runtime work order, or lifecycle hook) as the <see cref="Distiller"/> saw it.</summary>
public sealed class SparkleTrace
{
    internal SparkleTrace(long index, Tonic tonic, string sparkle, bool isSystem, int depth, object? arguments, SparkleSource source,
        DateTimeOffset enteredAt, string? stateAtEnter)
    {
        Index = index;
        Tonic = tonic;
        TonicId = tonic.Id;
        TonicName = tonic.Name;
        CatalystName = tonic.Catalyst.Name;
        Sparkle = sparkle;
        IsSystem = isSystem;
        Depth = depth;
        Arguments = arguments;
        Source = source;
        EnteredAt = enteredAt;
        StateAtEnter = stateAtEnter;
    }

    /// <summary>Position in the distiller's whole trace, from 0.</summary>
    public long Index { get; }

    /// <summary>The tonic that ran it.</summary>
    public Tonic Tonic { get; }

    /// <summary>The tonic's id.</summary>
    public int TonicId { get; }

    /// <summary>The tonic's name.</summary>
    public string TonicName { get; }

    /// <summary>The name of the catalyst it ran on.</summary>
    public string CatalystName { get; }

    /// <summary>The TaskTonic name: <c>ttsc__open</c>, <c>ttse__on_enter</c>, <c>_ttss__on_start</c>…</summary>
    public string Sparkle { get; }

    /// <summary>True for the runtime's own work orders (start, finish, bookkeeping).</summary>
    public bool IsSystem { get; }

    /// <summary>0 for a work order; 1 for a hook it ran (enter/exit/start/finished).</summary>
    public int Depth { get; }

    /// <summary>The packed arguments: null, the single argument, or a tuple.</summary>
    public object? Arguments { get; }

    /// <summary>Who queued it.</summary>
    public SparkleSource Source { get; }

    /// <summary>Virtual time when it started.</summary>
    public DateTimeOffset EnteredAt { get; }

    /// <summary>The tonic's state when it started, or null.</summary>
    public string? StateAtEnter { get; }

    /// <summary>Virtual time when it returned.</summary>
    public DateTimeOffset ExitedAt { get; internal set; }

    /// <summary>The tonic's state when it returned (before deferred transitions), or null.</summary>
    public string? StateAtExit { get; internal set; }

    /// <summary>How long it really took (wall clock): the Distiller's "giant sparkle" check reads this.</summary>
    public TimeSpan WallDuration { get; internal set; }

    /// <summary>The exception it threw, or null.</summary>
    public Exception? Failure { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"#{Index} {TonicName}.{Sparkle} [{StateAtEnter ?? Dataflow.Tonic.NoStateName} -> {StateAtExit ?? Dataflow.Tonic.NoStateName}] from {Source}";
}
