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
public sealed class PartitionTarget<TKey, T, TItem> : ITargetBlock<TItem>
    where TKey : notnull
    where T : Tonic
{
    private readonly Partition<TKey, T> _partition;
    private readonly Func<TItem, TKey> _keySelector;
    private readonly Action<T, TItem> _handler;
    private readonly int _capacity;
    private readonly Dictionary<Catalyst, int> _inFlight = [];
    private readonly TargetBookkeeping<TItem> _book;

    internal PartitionTarget(Partition<TKey, T> partition, Func<TItem, TKey> keySelector, Action<T, TItem> handler, int capacity)
    {
        (_partition, _keySelector, _handler, _capacity) = (partition, keySelector, handler, capacity);
        _book = new TargetBookkeeping<TItem>(this);
        _ = partition.Completion.ContinueWith(static (_, s) => ((TargetBookkeeping<TItem>)s!).OwnerCompleted(), _book,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The bound on unprocessed items per catalyst, or <see cref="DataflowBlockOptions.Unbounded"/>.</summary>
    public int BoundedCapacityPerCatalyst => _capacity;

    /// <summary>Items accepted and not yet processed, over all catalysts.</summary>
    public int InputCount
    {
        get
        {
            lock (_book.Gate)
            {
                return _book.Accepted;
            }
        }
    }

    /// <inheritdoc />
    public Task Completion => _book.Completion;

    /// <inheritdoc />
    public void Complete() => _book.Decline(null);

    /// <inheritdoc />
    void IDataflowBlock.Fault(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _book.Decline(exception);
    }

    /// <inheritdoc />
    DataflowMessageStatus ITargetBlock<TItem>.OfferMessage(DataflowMessageHeader messageHeader, TItem messageValue, ISourceBlock<TItem>? source, bool consumeToAccept)
    {
        if (!messageHeader.IsValid)
        {
            throw new ArgumentException("The message header is not valid.", nameof(messageHeader));
        }

        lock (_book.Gate)
        {
            if (_book.Declining || _partition.IsFinishing)
            {
                return DataflowMessageStatus.DecliningPermanently;
            }

            if (!TryRoute(messageValue, out var tonic))
            {
                return DataflowMessageStatus.DecliningPermanently;
            }

            var catalyst = tonic.Catalyst;
            if (_capacity > 0 && (_inFlight.GetValueOrDefault(catalyst) >= _capacity || _book.Postponed.Count > 0 || _book.Consuming > 0))
            {
                if (source is null)
                {
                    return DataflowMessageStatus.Declined;
                }

                _book.Postponed.Add(source, messageHeader);
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
            _book.Fault ??= ex;
            _book.Declining = true;
            tonic = null!;
            ThreadPool.UnsafeQueueUserWorkItem(static book => book.Decline(null), _book, preferLocal: false);
            return false;
        }
    }

    /// <summary>Under the gate: counts the item on its catalyst and queues it to the tonic.</summary>
    private void Accept(T tonic, TItem value)
    {
        var catalyst = tonic.Catalyst;
        _inFlight[catalyst] = _inFlight.GetValueOrDefault(catalyst) + 1;
        _book.Accepted++;
        tonic.PostUserCallback(() => Process(tonic, catalyst, value));
    }

    private void Process(T tonic, Catalyst counted, TItem value)
    {
        try
        {
            if (_book.Fault is null)
            {
                _handler(tonic, value);
            }
        }
        finally
        {
            lock (_book.Gate)
            {
                _inFlight[counted]--;
                _book.Accepted--;
            }

            ConsumeOnePostponed();
            _book.TryComplete();
        }
    }

    /// <summary>One item processed: take the oldest postponed message, wherever its key goes. The source is called outside the gate.</summary>
    private void ConsumeOnePostponed()
    {
        ISourceBlock<TItem> source;
        DataflowMessageHeader header;
        lock (_book.Gate)
        {
            if (_book.Declining || !_book.Postponed.TryTake(out source, out header))
            {
                return;
            }

            _book.Consuming++;
        }

        TItem? value = default;
        var consumed = false;
        try
        {
            value = source.ConsumeMessage(header, this, out consumed);
        }
        finally
        {
            lock (_book.Gate)
            {
                _book.Consuming--;
                if (consumed && TryRoute(value!, out var tonic))
                {
                    Accept(tonic, value!);
                }
            }
        }
    }
}
