namespace TaskTonic.Dataflow.Orleans;

/// <summary>The tonic of one key of an <see cref="OrleansPartition{TKey}"/>, seen from the client (returned by <see cref="OrleansPartition{TKey}.For"/>).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class KeyedTonicRef<TKey>
    where TKey : notnull
{
    private readonly OrleansPartition<TKey> _partition;

    internal KeyedTonicRef(OrleansPartition<TKey> partition, TKey key)
    {
        _partition = partition;
        Key = key;
    }

    /// <summary>The key.</summary>
    public TKey Key { get; }

    /// <summary>Same as <see cref="OrleansPartition{TKey}.SendAsync{TMessage}"/> for this key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public Task SendAsync<TMessage>(TMessage message) => _partition.SendAsync(Key, message);

    /// <summary>Same as <see cref="OrleansPartition{TKey}.SnapshotAsync{TState}"/> for this key.</summary>
    public Task<TState?> SnapshotAsync<TState>() => _partition.SnapshotAsync<TState>(Key);
}
