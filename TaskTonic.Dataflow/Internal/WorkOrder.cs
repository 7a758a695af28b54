namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// One queued call: the target tonic, which sparkle, its packed arguments and who sent it.
/// A struct, so queuing it allocates nothing beyond the packed arguments.
/// </summary>
internal readonly struct WorkOrder
{
    public WorkOrder(Tonic target, int sparkle, object? args, Tonic? source, int sourceSparkle, WorkOrderKind kind)
    {
        Target = target;
        Sparkle = sparkle;
        Args = args;
        Source = source;
        SourceSparkle = sourceSparkle;
        Kind = kind;
    }

    public Tonic Target { get; }

    /// <summary>A generated sparkle id (≥ 0) or a <see cref="SystemSparkle"/> id.</summary>
    public int Sparkle { get; }

    /// <summary>Null, the single argument, or a boxed tuple of the arguments.</summary>
    public object? Args { get; }

    public Tonic? Source { get; }

    public int SourceSparkle { get; }

    public WorkOrderKind Kind { get; }
}
