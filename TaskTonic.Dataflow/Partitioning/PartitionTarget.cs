using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Interop;

namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// The Dataflow target of a <see cref="Partition{TKey, T}"/> (see <see cref="Partition{TKey, T}.AsTarget"/>): routes
/// items to keyed tonics, bounds the unprocessed items per catalyst, and completes once every accepted item was
/// processed; after a fault the unprocessed items are skipped and <see cref="Completion"/> faults; if the partition
/// finishes first, <see cref="Completion"/> ends canceled.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="T">The keyed tonic type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed partial class PartitionTarget<TKey, T, TItem> : ITargetBlock<TItem>
    where TKey : notnull
    where T : Tonic
{
    private readonly Lock _gate = new();
    private readonly Partition<TKey, T> _partition;
    private readonly Func<TItem, TKey> _keySelector;
    private readonly Action<T, TItem> _handler;
    private readonly int _capacity;
    private readonly Dictionary<Catalyst, int> _inFlight = [];
    private readonly PostponedMessages<TItem> _postponed = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _accepted;
    private int _consuming;
    private bool _declining;
    private bool _completed;
    private Exception? _fault;

    internal PartitionTarget(Partition<TKey, T> partition, Func<TItem, TKey> keySelector, Action<T, TItem> handler, int capacity)
    {
        (_partition, _keySelector, _handler, _capacity) = (partition, keySelector, handler, capacity);
        _ = partition.Completion.ContinueWith(static (_, s) => ((PartitionTarget<TKey, T, TItem>)s!).OnPartitionCompleted(), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The bound on unprocessed items per catalyst, or <see cref="DataflowBlockOptions.Unbounded"/>.</summary>
    public int BoundedCapacityPerCatalyst => _capacity;

    /// <summary>Items accepted and not yet processed, over all catalysts.</summary>
    public int InputCount
    {
        get
        {
            lock (_gate)
            {
                return _accepted;
            }
        }
    }

    /// <inheritdoc />
    public Task Completion => _completion.Task;

    /// <inheritdoc />
    public void Complete() => Decline(null);

    /// <inheritdoc />
    void IDataflowBlock.Fault(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Decline(exception);
    }

    /// <inheritdoc />
    DataflowMessageStatus ITargetBlock<TItem>.OfferMessage(DataflowMessageHeader messageHeader, TItem messageValue, ISourceBlock<TItem>? source, bool consumeToAccept)
    {
        if (!messageHeader.IsValid)
        {
            throw new ArgumentException("The message header is not valid.", nameof(messageHeader));
        }

        lock (_gate)
        {
            if (_declining || _partition.IsFinishing)
            {
                return DataflowMessageStatus.DecliningPermanently;
            }

            if (!TryRoute(messageValue, out var tonic))
            {
                return DataflowMessageStatus.DecliningPermanently;
            }

            var catalyst = tonic.Catalyst;
            if (_capacity > 0 && (_inFlight.GetValueOrDefault(catalyst) >= _capacity || _postponed.Count > 0 || _consuming > 0))
            {
                if (source is null)
                {
                    return DataflowMessageStatus.Declined;
                }

                _postponed.Add(source, messageHeader);
                return DataflowMessageStatus.Postponed;
            }

            if (consumeToAccept)
            {
                messageValue = source!.ConsumeMessage(messageHeader, this, out var consumed)!;
                if (!consumed)
                {
                    return DataflowMessageStatus.NotAvailable;
                }
            }

            Accept(tonic, messageValue);
            return DataflowMessageStatus.Accepted;
        }
    }

    /// <summary>Under the gate: finds the item's tonic, or faults the block on a bad key or a failing factory.</summary>
    private bool TryRoute(TItem value, out T tonic)
    {
        try
        {
            var key = _keySelector(value) ?? throw new ArgumentException($"The key selector of {_partition.Name} returned a null key.", nameof(value));
            tonic = _partition.For(key);
            return true;
        }
        catch (Exception ex)
        {
            _fault ??= ex;
            _declining = true;
            tonic = null!;
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Decline(null), this, preferLocal: false);
            return false;
        }
    }

    /// <summary>Under the gate: counts the item on its catalyst and queues it to the tonic.</summary>
    private void Accept(T tonic, TItem value)
    {
        var catalyst = tonic.Catalyst;
        _inFlight[catalyst] = _inFlight.GetValueOrDefault(catalyst) + 1;
        _accepted++;
        tonic.PostUserCallback(() => Process(tonic, catalyst, value));
    }

    private void Process(T tonic, Catalyst counted, TItem value)
    {
        try
        {
            if (Volatile.Read(ref _fault) is null)
            {
                _handler(tonic, value);
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight[counted]--;
                _accepted--;
            }

            ConsumeOnePostponed();
            TryComplete();
        }
    }

    /// <summary>One item processed: take the oldest postponed message, wherever its key goes. The source is called outside the gate.</summary>
    private void ConsumeOnePostponed()
    {
        ISourceBlock<TItem> source;
        DataflowMessageHeader header;
        lock (_gate)
        {
            if (_declining || !_postponed.TryTake(out source, out header))
            {
                return;
            }

            _consuming++;
        }

        TItem? value = default;
        var consumed = false;
        try
        {
            value = source.ConsumeMessage(header, this, out consumed);
        }
        finally
        {
            lock (_gate)
            {
                _consuming--;
                if (consumed && TryRoute(value!, out var tonic))
                {
                    Accept(tonic, value!);
                }
            }
        }
    }
}
