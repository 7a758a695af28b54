using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Recording;

namespace TaskTonic.Dataflow.Extensibility;

/// <summary>
/// For test kits and tools: a read-only view of one work order (a queued call of a sparkle), as handed to a
/// <see cref="SparkleObserver"/> or to the admission callback of a <see cref="ManualCatalystLoop"/>. Its arguments are
/// the live objects, not copies: read them, do not change them.
/// </summary>
public readonly struct WorkOrderInfo
{
    private readonly WorkOrder _order;

    internal WorkOrderInfo(in WorkOrder order) => _order = order;

    /// <summary>The tonic the work order runs on.</summary>
    public Tonic Target => _order.Target;

    /// <summary>A generated sparkle id (≥ 0) or a negative id of the runtime's own work.</summary>
    public int Sparkle => _order.Sparkle;

    /// <summary>The packed arguments: null, the single argument, or a value tuple of them (runtime work: internal objects).</summary>
    public object? Arguments => _order.Args;

    /// <summary>Who posted the work order: tonic and sparkle name, or <see cref="SparkleSource.None"/> for outside code.</summary>
    public SparkleSource Source => Tonic.SourceOf(_order.Source, _order.SourceSparkle);

    /// <summary>True for the runtime's own bookkeeping (start, finish, child completed…), which runs while a tonic finishes.</summary>
    public bool IsSystem => _order.Kind == WorkOrderKind.System;

    /// <summary>What a <see cref="Recorder"/> would record the work order as.</summary>
    public RecordKind RecordKind => Recorder.Classify(_order.Sparkle);

    /// <summary>True when <paramref name="sparkle"/> running on <paramref name="tonic"/> is this work order's own sparkle, not a hook inside it.</summary>
    public bool IsOwnSparkle(Tonic tonic, int sparkle) => ReferenceEquals(_order.Target, tonic) && _order.Sparkle == sparkle;

    internal WorkOrder Order => _order;
}
