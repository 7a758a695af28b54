namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The grain of one key of a keyed-tonic partition, identified by <c>"{partition}/{key}"</c>. Its activation runs the
/// key's tonic on a catalyst of its own, whose work orders the grain's turns (one at a time) run on their own thread,
/// so the grain's turns give the key its order. <see cref="OrleansPartition{TKey}"/> is its only caller.
/// </summary>
internal interface IKeyedTonicGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs one command on the key's tonic and completes once the tonic has applied it (and, when a checkpoint is
    /// due, once the state was written to grain storage).
    /// </summary>
    /// <param name="command">The command as <see cref="CommandFrame"/> lays it out: handler number, sender, sequence
    /// (1, 2, 3… per sender and key; 0 for none), deduplicate flag, then the message in MessagePack.</param>
    /// <exception cref="DuplicateCommandException">Deduplicating, and this sender's sequence was already applied: dropped.</exception>
    /// <exception cref="KeyedTonicException">The handler is unknown, the message could not be decoded, or the handler threw.</exception>
    ValueTask Deliver(byte[] command);

    /// <summary>The tonic's state as saved by the partition's persist hook (MessagePack), taken after all work delivered before; null when the partition persists nothing.</summary>
    Task<byte[]?> Snapshot();

    /// <summary>Deactivates the grain once idle: the tonic's state is saved to grain storage and the tonic finishes; the next call reactivates the key from storage.</summary>
    Task Passivate();
}
