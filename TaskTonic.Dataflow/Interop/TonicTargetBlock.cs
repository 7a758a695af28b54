using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Interop;

/// <summary>
/// A Dataflow target whose items run as sparkles of a tonic: link a <c>BufferBlock</c>, a <c>TransformBlock</c> or any
/// <see cref="ISourceBlock{TOutput}"/> into it, or <c>Post</c>/<c>SendAsync</c> to it. Each accepted item is queued to the
/// tonic's mailbox and handed to the block's handler on the tonic's catalyst, atomic and in order with the tonic's other
/// sparkles.
/// </summary>
/// <remarks>
/// <para>
/// Completion follows Dataflow: after <see cref="Complete"/> (or a linked source's completion with
/// <see cref="DataflowLinkOptions.PropagateCompletion"/>) the block declines new items and <see cref="Completion"/>
/// completes once every accepted item was processed. After a fault the items not yet processed are skipped and
/// <see cref="Completion"/> faults with it. If the tonic finishes first, the items it did not process are dropped
/// (counted by <see cref="Ledger.DroppedCount"/>) and <see cref="Completion"/> ends canceled.
/// </para>
/// <para>
/// A handler that throws is reported as a dead letter (<see cref="Ledger.DeadLetters"/>) like any sparkle and the block goes on
/// with the next item (an <c>ActionBlock</c> would fault instead): the tonic's supervision decides.
/// </para>
/// <para>
/// With <see cref="TonicTargetBlockOptions.BoundedCapacity"/> the block holds at most that many items accepted but not
/// yet processed; offers beyond are postponed and consumed, in order, as the tonic processes items, so
/// <c>SendAsync</c> waits and <c>Post</c> returns false. Postponed messages are consumed on the tonic's catalyst right
/// after an item was processed.
/// </para>
/// <para>In Distiller traces, items show as <c>tts__callback</c> sparkles of the tonic.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TonicTargetBlock<T> : ITargetBlock<T>
{
    private readonly Action<T> _handler;
    private readonly TargetBookkeeping<T> _book;

    /// <summary>Creates a target whose items run <paramref name="handler"/> as sparkles of <paramref name="tonic"/>.</summary>
    /// <param name="tonic">The tonic whose catalyst runs the items.</param>
    /// <param name="handler">Runs once per accepted item, on the tonic's catalyst, as a sparkle of the tonic.</param>
    /// <param name="options">Bounding and completion options; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bounded capacity is neither positive nor <see cref="DataflowBlockOptions.Unbounded"/>.</exception>
    public TonicTargetBlock(Tonic tonic, Action<T> handler, TonicTargetBlockOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tonic);
        ArgumentNullException.ThrowIfNull(handler);
        var capacity = options?.BoundedCapacity ?? DataflowBlockOptions.Unbounded;
        if (capacity == 0 || capacity < DataflowBlockOptions.Unbounded)
        {
            throw new ArgumentOutOfRangeException(nameof(options), capacity, "BoundedCapacity must be positive or DataflowBlockOptions.Unbounded (-1).");
        }

        Tonic = tonic;
        _handler = handler;
        BoundedCapacity = capacity;
        var onCompleted = options?.OnCompleted;
        var finishTonic = options?.FinishTonicOnCompletion ?? false;
        _book = new TargetBookkeeping<T>(this, fault =>
        {
            // Queued in this order, so the tonic runs OnCompleted before it finishes.
            if (onCompleted is not null)
            {
                tonic.PostUserCallback(() => onCompleted(fault));
            }

            if (finishTonic)
            {
                tonic.RequestFinish();
            }
        });
        _ = tonic.Completion.ContinueWith(static (_, state) => ((TargetBookkeeping<T>)state!).OwnerCompleted(), _book,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The tonic that processes the items.</summary>
    public Tonic Tonic { get; }

    /// <summary>The bound on accepted but unprocessed items, or <see cref="DataflowBlockOptions.Unbounded"/>.</summary>
    public int BoundedCapacity { get; }

    /// <summary>The number of items accepted and not yet processed by the tonic.</summary>
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

    /// <summary>
    /// Completes once the block declines items and every accepted item was processed; faulted after a fault; canceled
    /// when the tonic finished before.
    /// </summary>
    public Task Completion => _book.Completion;

    /// <summary>Declines further items; <see cref="Completion"/> completes once the accepted ones were processed. Idempotent.</summary>
    public void Complete() => _book.Decline(null);

    /// <summary>Declines further items, skips the accepted ones not yet processed, and faults <see cref="Completion"/>.</summary>
    void IDataflowBlock.Fault(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _book.Decline(exception);
    }

    /// <inheritdoc />
    DataflowMessageStatus ITargetBlock<T>.OfferMessage(DataflowMessageHeader messageHeader, T messageValue, ISourceBlock<T>? source, bool consumeToAccept)
    {
        if (!messageHeader.IsValid)
        {
            throw new ArgumentException("The message header is not valid.", nameof(messageHeader));
        }

        if (source is null && consumeToAccept)
        {
            throw new ArgumentException("consumeToAccept requires a source.", nameof(consumeToAccept));
        }

        lock (_book.Gate)
        {
            if (_book.Declining || Tonic.IsFinishing)
            {
                return DataflowMessageStatus.DecliningPermanently;
            }

            // Bounded and full, or earlier offers still wait: keep the order by postponing behind them.
            if (BoundedCapacity > 0 && (_book.Accepted >= BoundedCapacity || _book.Consuming > 0 || _book.Postponed.Count > 0))
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

            _book.Accepted++;
            QueueItem(messageValue);
            return DataflowMessageStatus.Accepted;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"TonicTargetBlock<{typeof(T).Name}> of {Tonic.Name}";

    /// <summary>Queues one accepted item to the tonic's mailbox. Called under the gate, so items queue in acceptance order.</summary>
    private void QueueItem(T value) => Tonic.PostUserCallback(() => Process(value));

    /// <summary>Runs on the tonic's catalyst, as a sparkle of the tonic.</summary>
    private void Process(T value)
    {
        try
        {
            if (_book.Fault is null)
            {
                _handler(value);
            }
        }
        finally
        {
            lock (_book.Gate)
            {
                _book.Accepted--;
            }

            ConsumePostponed();
            _book.TryComplete();
        }
    }

    /// <summary>Takes postponed messages, oldest first, while there is room. Sources are called outside the gate.</summary>
    private void ConsumePostponed()
    {
        if (BoundedCapacity <= 0)
        {
            return;
        }

        while (true)
        {
            ISourceBlock<T> source;
            DataflowMessageHeader header;
            lock (_book.Gate)
            {
                if (_book.Declining || _book.Accepted >= BoundedCapacity || !_book.Postponed.TryTake(out source, out header))
                {
                    return;
                }

                _book.Accepted++;
                _book.Consuming++;
            }

            T value;
            bool consumed;
            try
            {
                value = source.ConsumeMessage(header, this, out consumed)!;
            }
            catch (Exception ex)
            {
                lock (_book.Gate)
                {
                    _book.Accepted--;
                    _book.Consuming--;
                }

                _book.Decline(ex);
                return;
            }

            lock (_book.Gate)
            {
                _book.Consuming--;
                if (consumed)
                {
                    QueueItem(value);
                }
                else
                {
                    _book.Accepted--;
                }
            }
        }
    }
}
