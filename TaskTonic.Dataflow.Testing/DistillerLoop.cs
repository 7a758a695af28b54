using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// The distiller's loop for one catalyst: a <see cref="ManualCatalystLoop"/> that also remembers which traced sparkle
/// posted each work order (for flow arrows) and, while replaying, lets the distiller suppress posts.
/// </summary>
internal sealed class DistillerLoop : CatalystLoop
{
    private readonly Distiller _owner;
    private readonly ManualCatalystLoop _inner;
    private readonly Dictionary<long, long> _sources = [];

    public DistillerLoop(Distiller owner, Catalyst catalyst, int ordinal, Func<DistillerLoop, long> nextSequence)
    {
        _owner = owner;
        Ordinal = ordinal;
        _inner = new ManualCatalystLoop(catalyst, () => nextSequence(this));
    }

    /// <summary>The catalyst this loop runs.</summary>
    public Catalyst Catalyst => _inner.Catalyst;

    /// <summary>The creation order of the loop in its distiller, from 0.</summary>
    public int Ordinal { get; }

    public override Task Completion => _inner.Completion;

    public override int QueuedCount => _inner.QueuedCount;

    public override bool Post(in WorkOrder order)
    {
        if (_owner.PostFilter is { } filter && !filter(order))
        {
            // Suppressed by a replay: accepted and discarded, so nothing reports a drop.
            return true;
        }

        return _inner.Post(order);
    }

    public override void Complete() => _inner.Complete();

    /// <summary>The sequence number of the next work order, or null when the queue is empty.</summary>
    public long? PeekSequence() => _inner.PeekSequence();

    /// <summary>Runs the next work order on the calling thread; false when there was none.</summary>
    public bool RunOne() => _inner.RunOne();

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
