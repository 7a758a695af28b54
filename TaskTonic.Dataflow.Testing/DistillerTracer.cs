using TaskTonic.Dataflow.Extensibility;

namespace TaskTonic.Dataflow.Testing;

/// <summary>Turns the runtime's observer calls into trace entries, probe snapshots and state histories.</summary>
internal sealed class DistillerTracer(Distiller owner) : SparkleObserver
{
    private readonly Stack<(SparkleTrace Entry, long Started)> _open = new();
    private readonly Dictionary<Tonic, List<string>> _states = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Tonic> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<Sparkles.TonicDescriptor> _descriptors = new(ReferenceEqualityComparer.Instance);
    private long? _headSource;
    private int _thread = -1;

    /// <summary>The index of the innermost running traced sparkle on the distiller's thread, or -1.</summary>
    public long CurrentIndex =>
        _open.Count > 0 && _thread == Environment.CurrentManagedThreadId ? _open.Peek().Entry.Index : -1;

    /// <summary>Called before a work order runs: the sparkle that posted it, if traced.</summary>
    public void BeginWorkOrder(long? source)
    {
        _headSource = source;
        _thread = Environment.CurrentManagedThreadId;
    }

    /// <summary>The last traced tonic with this name (it may have completed since).</summary>
    public Tonic? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The descriptors of every tonic class traced so far.</summary>
    public IEnumerable<Sparkles.TonicDescriptor> Descriptors => _descriptors;

    public IReadOnlyList<string> StateHistory(Tonic tonic) =>
        _states.TryGetValue(tonic, out var list) ? [.. list] : [];

    protected override void OnSparkleEntering(Tonic tonic, int sparkle, in WorkOrderInfo order)
    {
        var trace = owner.TraceList;
        var isSystem = order.IsSystem && sparkle < 0;
        var isOrder = order.IsOwnSparkle(tonic, sparkle);
        var arguments = isOrder ? (sparkle >= 0 ? ValueFreezer.Freeze(order.Arguments) : order.Arguments) : null;
        var probes = owner.ActiveContract?.ProbesFor(tonic.Name);
        // A work order's own sparkle runs at the top; hooks run inside it, or right after it (deferred transitions).
        var workOrder = isOrder && _open.Count == 0;
        var depth = workOrder ? 0 : Math.Max(_open.Count, 1);
        var entry = new SparkleTrace(trace.Count, tonic, SparkleName(tonic, sparkle), isSystem, depth, arguments,
            order.Source, owner.Clock.GetUtcNow(), tonic.StateName,
            HandlerName(tonic, sparkle))
        {
            SourceIndex = workOrder ? _headSource : null,
            ProbesAtEnter = ProbeReader.Snapshot(tonic, probes),
        };
        if (workOrder)
        {
            _headSource = null;
        }

        trace.Add(entry);
        _byName[tonic.Name] = tonic;
        _descriptors.Add(tonic.Descriptor);
        _open.Push((entry, owner.WallClock.GetTimestamp()));
    }

    protected override void OnSparkleExited(Tonic tonic, int sparkle, Exception? failure)
    {
        var (entry, started) = _open.Pop();
        entry.ExitedAt = owner.Clock.GetUtcNow();
        entry.StateAtExit = tonic.StateName;
        entry.WallDuration = owner.WallClock.GetElapsedTime(started);
        entry.Failure = failure;
        entry.ProbesAtExit = ProbeReader.Snapshot(tonic, owner.ActiveContract?.ProbesFor(tonic.Name));
    }

    protected override void OnStateChanged(Tonic tonic, int oldState, int newState)
    {
        if (!_states.TryGetValue(tonic, out var list))
        {
            _states[tonic] = list = [];
        }

        list.Add(tonic.Descriptor.StateName(newState) ?? Tonic.NoStateName);
    }
}
