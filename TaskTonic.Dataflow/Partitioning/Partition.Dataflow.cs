using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Partitioning;

public sealed partial class Partition<TKey, T>
{
    /// <summary>
    /// A Dataflow face of the partition: each item offered is routed by <paramref name="keySelector"/> to its key's tonic
    /// and handed to <paramref name="handler"/> as a sparkle of that tonic, in the order the items were accepted per key.
    /// Link any <see cref="ISourceBlock{TOutput}"/> into it.
    /// </summary>
    /// <param name="keySelector">Gives an item's key. A null key or a throwing selector or factory faults the block.</param>
    /// <param name="handler">Runs once per accepted item on the key's catalyst; a throw is reported like any sparkle failure and the block goes on.</param>
    /// <param name="boundedCapacityPerCatalyst">At most this many accepted but unprocessed items per catalyst of the pool;
    /// further offers are postponed (<c>SendAsync</c> waits, <c>Post</c> returns false). <see cref="DataflowBlockOptions.Unbounded"/> (default) for no bound.</param>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is neither positive nor unbounded.</exception>
    public PartitionTarget<TKey, T, TItem> AsTarget<TItem>(Func<TItem, TKey> keySelector, Action<T, TItem> handler,
        int boundedCapacityPerCatalyst = DataflowBlockOptions.Unbounded)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(handler);
        if (boundedCapacityPerCatalyst == 0 || boundedCapacityPerCatalyst < DataflowBlockOptions.Unbounded)
        {
            throw new ArgumentOutOfRangeException(nameof(boundedCapacityPerCatalyst), boundedCapacityPerCatalyst,
                "The capacity must be positive or DataflowBlockOptions.Unbounded (-1).");
        }

        return new PartitionTarget<TKey, T, TItem>(this, keySelector, handler, boundedCapacityPerCatalyst);
    }
}
