using TaskTonic.Dataflow.Benchmarks.Messages;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

/// <summary>An inner SkyNet actor's bookkeeping: adds up its children's results. Owned by one actor.</summary>
public sealed class SkyNetSum
{
    private long _sum;
    private int _pending = SkyNetStart.Fanout;

    /// <summary>Adds one child's result; returns true (with the total) when the last child has reported.</summary>
    public bool Add(long childSum, out long total)
    {
        _sum += childSum;
        total = _sum;
        return --_pending == 0;
    }
}
