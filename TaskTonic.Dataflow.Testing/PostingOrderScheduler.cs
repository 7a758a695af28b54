namespace TaskTonic.Dataflow.Testing;

/// <summary>The default: the loop whose head was posted first, so all catalysts run in the global posting order.</summary>
internal sealed class PostingOrderScheduler : LoopScheduler
{
    public override DistillerLoop? Pick(IReadOnlyList<DistillerLoop> loops, long step)
    {
        DistillerLoop? best = null;
        var bestSequence = long.MaxValue;
        foreach (var loop in loops)
        {
            if (loop.PeekSequence() is { } sequence && sequence < bestSequence)
            {
                best = loop;
                bestSequence = sequence;
            }
        }

        return best;
    }
}
