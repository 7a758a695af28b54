namespace TaskTonic.Dataflow;

/// <summary>A work order that was dropped instead of executed; see <see cref="Ledger.WorkOrderDropped"/>.</summary>
public sealed class DroppedWorkOrder
{
    internal DroppedWorkOrder(Tonic target, string sparkleName, object? arguments, SparkleSource source, DropReason reason)
    {
        Target = target;
        SparkleName = sparkleName;
        Arguments = arguments;
        Source = source;
        Reason = reason;
    }

    /// <summary>The tonic the work order was sent to.</summary>
    public Tonic Target { get; }

    /// <summary>The TaskTonic name of the dropped sparkle.</summary>
    public string SparkleName { get; }

    /// <summary>The packed arguments: null, the single argument, or a tuple.</summary>
    public object? Arguments { get; }

    /// <summary>Who sent it.</summary>
    public SparkleSource Source { get; }

    /// <summary>Why it was dropped.</summary>
    public DropReason Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Target.Name}.{SparkleName} from {Source} dropped: {Reason}";
}
