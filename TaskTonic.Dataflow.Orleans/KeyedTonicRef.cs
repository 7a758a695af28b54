namespace TaskTonic.Dataflow.Orleans;

/// <summary>The tonic of one key of an <see cref="OrleansPartition{TKey}"/>, seen from the client (returned by <see cref="OrleansPartition{TKey}.For"/>, one object per key and partition).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class KeyedTonicRef<TKey>
    where TKey : notnull
{
    private readonly OrleansPartition<TKey> _partition;
    private readonly OrleansPartition<TKey>.KeyLane _lane;

    internal KeyedTonicRef(OrleansPartition<TKey> partition, OrleansPartition<TKey>.KeyLane lane, TKey key)
    {
        (_partition, _lane) = (partition, lane);
        Key = key;
    }

    /// <summary>The key.</summary>
    public TKey Key { get; }

    /// <summary>Same as <see cref="OrleansPartition{TKey}.SendAsync{TMessage}"/> for this key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public Task SendAsync<TMessage>(TMessage message) => _partition.Send(_lane, message);

    /// <summary>Same as <see cref="OrleansPartition{TKey}.SnapshotAsync{TState}"/> for this key.</summary>
    public Task<TState?> SnapshotAsync<TState>() => _partition.SnapshotAsync<TState>(Key);
}
