using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MessagePack;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The client face of a keyed-tonic partition spread over an Orleans cluster: <c>For(key).SendAsync(message)</c> (or
/// <see cref="SendAsync{TMessage}"/>) sends the message, MessagePack-serialized, to the grain of the key, which applies
/// it on the key's tonic with the handler the silo registered for the message type.
/// </summary>
/// <remarks>
/// <para>Order: sends to one key from one partition object run one after the other, in call order (the next waits for
/// the previous acknowledgement, retries included); sends to different keys run concurrently. There is no order
/// between keys.</para>
/// <para>Delivery: see <see cref="DeliveryGuarantee"/>. Every message ends in exactly one of <see cref="Delivered"/>,
/// <see cref="Duplicates"/> or <see cref="Failed"/>; a failed message also faults the task its send returned.</para>
/// </remarks>
/// <typeparam name="TKey">string, int, long or Guid.</typeparam>
public sealed class OrleansPartition<TKey>
    where TKey : notnull
{
    private readonly IGrainFactory _grains;
    private readonly OrleansPartitionOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<TKey, KeyLane> _lanes = new();
    private long _duplicates;
    private long _failed;
    private long _retries;

    /// <summary>Creates the client face of partition <paramref name="name"/> (the name given to <c>AddKeyedTonics</c> on the silos).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains '/'.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TKey"/> is not supported.</exception>
    public OrleansPartition(IGrainFactory grains, string name, OrleansPartitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A partition name must not contain '/'.", nameof(name));
        }

        KeyFormat<TKey>.EnsureSupported();
        _options = options ?? new OrleansPartitionOptions();
        _options.Validate();
        _grains = grains;
        _clock = _options.TimeProvider ?? TimeProvider.System;
        Name = name;
    }

    /// <summary>The partition's name.</summary>
    public string Name { get; }

    /// <summary>Identifies this sender to the grains (per-key sequence numbers are per sender).</summary>
    public Guid SenderId { get; } = Guid.NewGuid();

    /// <summary>The guarantee of this partition's sends.</summary>
    public DeliveryGuarantee Guarantee => _options.Guarantee;

    /// <summary>Messages applied by their key's tonic (a sum over the keys sent to: each key counts its own, so sends on different threads share no counter).</summary>
    public long Delivered => _lanes.Values.Sum(lane => Volatile.Read(ref lane.Delivered));

    /// <summary>Messages the grain dropped as already applied (a retry whose first attempt had run).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Messages given up on (after the last attempt); each faulted its send's task.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Attempts beyond the first.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>The key's tonic, seen from the client: send to it and read its persisted state. The same object for every call with one key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public KeyedTonicRef<TKey> For(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return LaneOf(key).Ref;
    }

    /// <summary>
    /// Sends <paramref name="message"/> to the tonic of <paramref name="key"/> after every earlier send to that key;
    /// completes when the tonic applied it (or the grain dropped it as a duplicate).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyedTonicException">(On the task) the silo rejected the message or its handler threw, on the last attempt.</exception>
    public Task SendAsync<TMessage>(TKey key, TMessage message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Send(LaneOf(key), message);
    }

    /// <summary>The persisted form of the key's state (its persist hook's value), taken after every send acknowledged before; default when the silo persists nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public async Task<TState?> SnapshotAsync<TState>(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = await Grain(key).Snapshot().ConfigureAwait(false);
        return bytes is null ? default : MessagePackSerializer.Deserialize<TState>(bytes, KeyedTonicSiloOptions<Tonic>.Serializer);
    }

    /// <summary>Asks the key's grain to deactivate when idle: its state is saved to grain storage and its tonic finishes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public Task PassivateAsync(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Grain(key).Passivate();
    }

    /// <summary>Queues <paramref name="message"/> on <paramref name="lane"/>: its sequence number and its place in the lane's chain are taken together.</summary>
    internal Task Send<TMessage>(KeyLane lane, TMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var command = CommandFrame.Write(message, SenderId);
        lock (lane)
        {
            CommandFrame.Stamp(command, ++lane.Sequence, _options.Guarantee == DeliveryGuarantee.AtLeastOnceDeduplicated);
            var previous = lane.Tail;
            var send = previous.IsCompleted ? DeliverAsync(lane, command) : DeliverAfterAsync(previous, lane, command);
            lane.Tail = send;
            return send;
        }
    }

    private KeyLane LaneOf(TKey key) => _lanes.GetOrAdd(key, static (k, partition) => new KeyLane(partition, k), this);

    private IKeyedTonicGrain Grain(TKey key) => _grains.GetGrain<IKeyedTonicGrain>(GrainKey.Of(Name, KeyFormat<TKey>.Format(key)));

    /// <summary>Sends <paramref name="command"/> once the lane's previous send completed (its failure does not stop this one).</summary>
    private static async Task DeliverAfterAsync(Task previous, KeyLane lane, byte[] command)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the previous send's failure belongs to its caller; this one goes on
        catch
#pragma warning restore CA1031
        {
        }

        await lane.Partition.DeliverAsync(lane, command).ConfigureAwait(false);
    }

    /// <summary>The first attempt: kept small (it is every message's path); failures go on in <see cref="RetryAsync"/>.</summary>
    private async Task DeliverAsync(KeyLane lane, byte[] command)
    {
        try
        {
            await lane.Grain.Deliver(command).ConfigureAwait(false);
            lane.Delivered++; // the lane's sends run one after another: one writer at a time
        }
        catch (DuplicateCommandException)
        {
            Interlocked.Increment(ref _duplicates);
        }
        catch (Exception failure)
        {
            await RetryAsync(lane, command, failure).ConfigureAwait(false);
        }
    }

    private async Task RetryAsync(KeyLane lane, byte[] command, Exception failure)
    {
        var attempts = _options.Guarantee == DeliveryGuarantee.AtMostOnce ? 1 : _options.MaxAttempts;
        for (var attempt = 2; attempt <= attempts; attempt++)
        {
            Interlocked.Increment(ref _retries);
            await Task.Delay(_options.RetryDelay * (attempt - 1), _clock).ConfigureAwait(false);
            try
            {
                await lane.Grain.Deliver(command).ConfigureAwait(false);
                lane.Delivered++;
                return;
            }
            catch (DuplicateCommandException)
            {
                Interlocked.Increment(ref _duplicates);
                return;
            }
#pragma warning disable CA1031 // kept as the failure to report if this was the last attempt
            catch (Exception next)
#pragma warning restore CA1031
            {
                failure = next;
            }
        }

        Interlocked.Increment(ref _failed);
        ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>One key as the client sees it: its grain, its send chain and sequence counter (guarded by locking the lane), and its <see cref="KeyedTonicRef{TKey}"/>.</summary>
    internal sealed class KeyLane
    {
#pragma warning disable CA1051 // counted in place (Volatile reads for the sum)
        public long Delivered;
#pragma warning restore CA1051

        public KeyLane(OrleansPartition<TKey> partition, TKey key)
        {
            Partition = partition;
            Grain = partition.Grain(key);
            Ref = new KeyedTonicRef<TKey>(partition, this, key);
        }

        public OrleansPartition<TKey> Partition { get; }

        public IKeyedTonicGrain Grain { get; }

        public KeyedTonicRef<TKey> Ref { get; }

        public Task Tail { get; set; } = Task.CompletedTask;

        public long Sequence { get; set; }
    }
}
