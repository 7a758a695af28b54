namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The grain of one key of a keyed-tonic partition, identified by <c>"{partition}/{key}"</c>. Its activation runs the
/// key's tonic on a catalyst of its own, whose work orders the grain's turns (one at a time) run on their own thread,
/// so the grain's turns give the key its order. Use <see cref="OrleansPartition{TKey}"/> rather than calling it directly.
/// </summary>
public interface IKeyedTonicGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs <paramref name="command"/> on the key's tonic and completes once the tonic has applied it (and, when a
    /// checkpoint is due, once the state was written to grain storage).
    /// </summary>
    /// <returns>True when applied; false when dropped as a duplicate.</returns>
    /// <exception cref="KeyedTonicException">The handler id is unknown, the message could not be decoded, or the handler threw.</exception>
    ValueTask<bool> Deliver(TonicCommand command);

    /// <summary>The tonic's state as saved by the partition's persist hook (MessagePack), taken after all work delivered before; null when the partition persists nothing.</summary>
    Task<byte[]?> Snapshot();

    /// <summary>Deactivates the grain once idle: the tonic's state is saved to grain storage and the tonic finishes; the next call reactivates the key from storage.</summary>
    Task Passivate();
}
