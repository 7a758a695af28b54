using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Partitioning;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>The silo side of one partition, as the grain sees it (type-erased over the key and tonic types).</summary>
internal interface IKeyedTonicRuntime
{
    string Name { get; }

    int CheckpointEvery { get; }

    bool Persists { get; }

    /// <summary>Decodes the command (on the caller's turn) and applies it on the key's tonic; returns a snapshot when asked.</summary>
    Task<byte[]?> ApplyAsync(string key, TonicCommand command, bool snapshotAfter);

    Task<byte[]?> SnapshotAsync(string key, bool finish);

    Task RestoreAsync(string key, byte[] snapshot);
}

/// <summary>
/// Runs one partition's keyed tonics on this silo: a <see cref="CatalystPool"/> and a <see cref="Partition{TKey, T}"/>
/// spawned on the silo's formula, fed through the partition's own Dataflow target. Each call queues one work order on
/// the key's catalyst and completes when it ran: the only queue on the path is the catalyst's.
/// </summary>
internal sealed class KeyedTonicRuntime<TKey, T>(string name, Func<TKey, TonicOptions, T> factory, KeyedTonicSiloOptions<T> options, Formula formula)
    : IKeyedTonicRuntime
    where TKey : notnull
    where T : Tonic
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(60);
    private PartitionTarget<TKey, T, WorkItem>? _target;

    public string Name { get; } = name;

    public int CheckpointEvery => options.CheckpointEvery;

    public bool Persists => options.Save is not null;

    public Task<byte[]?> ApplyAsync(string key, TonicCommand command, bool snapshotAfter)
    {
        if (!options.Handlers.TryGetValue(command.MessageType, out var decode))
        {
            throw new KeyedTonicException($"Partition '{Name}' has no handler for message type '{command.MessageType}'.");
        }

        Action<T> apply;
        try
        {
            apply = decode(command.Payload);
        }
        catch (Exception ex) when (ex is MessagePack.MessagePackSerializationException)
        {
            throw new KeyedTonicException($"A '{command.MessageType}' message for {Name}/{key} could not be decoded: {ex.Message}");
        }

        // The acknowledgement (and the snapshot) is a second work order queued by the first, so it runs after any
        // sparkle the handler queued on the tonic (a handler may call the tonic's commands: recorded, replayable work).
        var save = snapshotAfter ? options.Save : null;
        return RunAsync(key, apply, tonic => save?.Invoke(tonic));
    }

    public Task<byte[]?> SnapshotAsync(string key, bool finish) => RunAsync(key, tonic =>
    {
        var state = options.Save?.Invoke(tonic);
        if (finish)
        {
            tonic.Finish();
        }

        return state;
    });

    public Task RestoreAsync(string key, byte[] snapshot) => options.Restore is { } restore
        ? RunAsync(key, tonic =>
        {
            restore(tonic, snapshot);
            return null;
        })
        : Task.CompletedTask;

    private Task<byte[]?> RunAsync(string key, Func<T, byte[]?> work) => RunAsync(key, null, work);

    private async Task<byte[]?> RunAsync(string key, Action<T>? before, Func<T, byte[]?> work)
    {
        var target = Volatile.Read(ref _target) ?? await StartAsync().ConfigureAwait(false);
        var item = new WorkItem(KeyFormat<TKey>.Parse(key), work);
        if (before is not null)
        {
            item = new WorkItem(item.Key, before, target, item);
        }

        if (!await target.SendAsync(item).ConfigureAwait(false))
        {
            throw new KeyedTonicException($"Partition '{Name}' on this silo is finishing; {Name}/{key} was not run.");
        }

        try
        {
            return await item.Done.Task.WaitAsync(AckTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new KeyedTonicException($"The tonic of {Name}/{key} did not acknowledge within {AckTimeout.TotalSeconds} s (dropped or stuck).");
        }
        catch (Exception ex) when (ex is not KeyedTonicException)
        {
            throw new KeyedTonicException($"The tonic of {Name}/{key} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Creates the pool and the partition: a starting tonic of the silo's formula (it runs from the host's start).</summary>
    public Partition<TKey, T> CreatePartition()
    {
        var pool = new CatalystPool(options.Pool ?? new CatalystPoolOptions { Name = Name + "-pool" });
        var partition = new Partition<TKey, T>(pool, factory, new PartitionOptions<TKey, T> { Name = Name });
        Volatile.Write(ref _target, partition.AsTarget<WorkItem>(static w => w.Key, static (tonic, w) => w.Run(tonic)));
        return partition;
    }

    /// <summary>Waits (bounded) for the silo's formula to have created the partition: grains may activate before the host started it.</summary>
    private async Task<PartitionTarget<TKey, T, WorkItem>> StartAsync()
    {
        var waited = TimeSpan.Zero;
        PartitionTarget<TKey, T, WorkItem>? target;
        while ((target = Volatile.Read(ref _target)) is null)
        {
            if (waited > StartTimeout || formula.Status == FormulaStatus.MainFinished)
            {
                throw new KeyedTonicException($"The silo's TaskTonic formula has not started partition '{Name}' (status {formula.Status}).");
            }

            await Task.Delay(10).ConfigureAwait(false);
            waited += TimeSpan.FromMilliseconds(10);
        }

        return target;
    }

    /// <summary>
    /// One piece of work for a key's tonic and the completion the grain awaits; with a follow-up, this item runs
    /// <c>before</c> and then queues the follow-up (which completes the shared task) behind whatever it queued.
    /// </summary>
    private sealed class WorkItem
    {
        private readonly Func<T, byte[]?>? _work;
        private readonly Action<T>? _before;
        private readonly PartitionTarget<TKey, T, WorkItem>? _target;
        private readonly WorkItem? _followUp;

        public WorkItem(TKey key, Func<T, byte[]?> work)
        {
            Key = key;
            _work = work;
            Done = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public WorkItem(TKey key, Action<T> before, PartitionTarget<TKey, T, WorkItem> target, WorkItem followUp)
        {
            Key = key;
            (_before, _target, _followUp) = (before, target, followUp);
            Done = followUp.Done;
        }

        public TKey Key { get; }

        public TaskCompletionSource<byte[]?> Done { get; }

        public void Run(T tonic)
        {
            try
            {
                if (_before is not null)
                {
                    _before(tonic);
                    if (!_target!.Post(_followUp!))
                    {
                        Done.TrySetException(new KeyedTonicException("The partition on this silo is finishing; the acknowledgement was not queued."));
                    }

                    return;
                }

                Done.TrySetResult(_work!(tonic));
            }
#pragma warning disable CA1031 // any failure of user code goes back to the caller, who decides (retry or report)
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Done.TrySetException(ex);
            }
        }
    }
}
