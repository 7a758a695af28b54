using TaskTonic.Dataflow.Extensibility;

namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// The distiller's loop for one catalyst: a <see cref="ManualCatalystLoop"/> that also remembers which traced sparkle
/// posted each work order (for flow arrows) and, while replaying, lets the distiller suppress posts.
/// </summary>
internal sealed class DistillerLoop
{
    private readonly Distiller _owner;
    private readonly ManualCatalystLoop _inner;
    private readonly Dictionary<long, long> _sources = [];

    public DistillerLoop(Distiller owner, Catalyst catalyst, int ordinal, Func<DistillerLoop, long> nextSequence)
    {
        _owner = owner;
        Ordinal = ordinal;
        _inner = new ManualCatalystLoop(catalyst, order => Admit(order, nextSequence));
    }

    /// <summary>The runtime's queue for the catalyst.</summary>
    public ManualCatalystLoop Manual => _inner;

    /// <summary>The catalyst this loop runs.</summary>
    public Catalyst Catalyst => _inner.Catalyst;

    /// <summary>The creation order of the loop in its distiller, from 0.</summary>
    public int Ordinal { get; }

    public int QueuedCount => _inner.QueuedCount;

    /// <summary>The sequence number of the next work order, or null when the queue is empty.</summary>
    public long? PeekSequence() => _inner.PeekSequence();

    /// <summary>Runs the next work order on the calling thread; false when there was none.</summary>
    public bool RunOne() => _inner.RunOne();

    /// <summary>Numbers a post, or suppresses it while a replay's filter rejects it (accepted and discarded, so nothing reports a drop).</summary>
    private long? Admit(WorkOrderInfo order, Func<DistillerLoop, long> nextSequence) =>
        _owner.PostFilter is { } filter && !filter(order) ? null : nextSequence(this);

    /// <summary>Called under the inner loop's lock while a post is numbered.</summary>
    public void RememberSource(long sequence, long traceIndex)
    {
        if (traceIndex >= 0)
        {
            lock (_sources)
            {
                _sources[sequence] = traceIndex;
            }
        }
    }

    /// <summary>The trace index of the sparkle that posted the head work order, or null; forgets it.</summary>
    public long? TakeHeadSource()
    {
        if (_inner.PeekSequence() is not { } sequence)
        {
            return null;
        }

        lock (_sources)
        {
            return _sources.Remove(sequence, out var index) ? index : null;
        }
    }
}
