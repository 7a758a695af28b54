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
    private readonly Lock _gate = new();
    private readonly Action<T> _handler;
    private readonly Action<Exception?>? _onCompleted;
    private readonly bool _finishTonic;
    private readonly PostponedMessages<T>? _postponed;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _accepted;
    private int _consuming;
    private bool _declining;
    private bool _completed;
    private Exception? _fault;

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
        _onCompleted = options?.OnCompleted;
        _finishTonic = options?.FinishTonicOnCompletion ?? false;
        if (capacity > 0)
        {
            _postponed = new PostponedMessages<T>();
        }

        _ = tonic.Completion.ContinueWith(static (_, state) => ((TonicTargetBlock<T>)state!).OnTonicCompleted(), this,
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
            lock (_gate)
            {
                return _accepted;
            }
        }
    }

    /// <summary>
    /// Completes once the block declines items and every accepted item was processed; faulted after a fault; canceled
    /// when the tonic finished before.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <summary>Declines further items; <see cref="Completion"/> completes once the accepted ones were processed. Idempotent.</summary>
    public void Complete() => Decline(null);

    /// <summary>Declines further items, skips the accepted ones not yet processed, and faults <see cref="Completion"/>.</summary>
    void IDataflowBlock.Fault(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Decline(exception);
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

        lock (_gate)
        {
            if (_declining || Tonic.IsFinishing)
            {
                return DataflowMessageStatus.DecliningPermanently;
            }

            // Bounded and full, or earlier offers still wait: keep the order by postponing behind them.
            if (_postponed is not null && (_accepted >= BoundedCapacity || _consuming > 0 || _postponed.Count > 0))
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

            _accepted++;
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
            if (Volatile.Read(ref _fault) is null)
            {
                _handler(value);
            }
        }
        finally
        {
            lock (_gate)
            {
                _accepted--;
            }

            ConsumePostponed();
            TryComplete();
        }
    }

    /// <summary>Takes postponed messages, oldest first, while there is room. Sources are called outside the gate.</summary>
    private void ConsumePostponed()
    {
        if (_postponed is null)
        {
            return;
        }

        while (true)
        {
            ISourceBlock<T> source;
            DataflowMessageHeader header;
            lock (_gate)
            {
                if (_declining || _accepted >= BoundedCapacity || !_postponed.TryTake(out source, out header))
                {
                    return;
                }

                _accepted++;
                _consuming++;
            }

            T value;
            bool consumed;
            try
            {
                value = source.ConsumeMessage(header, this, out consumed)!;
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _accepted--;
                    _consuming--;
                }

                Decline(ex);
                return;
            }

            lock (_gate)
            {
                _consuming--;
                if (consumed)
                {
                    QueueItem(value);
                }
                else
                {
                    _accepted--;
                }
            }
        }
    }

    private void Decline(Exception? fault)
    {
        List<(ISourceBlock<T> Source, DataflowMessageHeader Header)>? release = null;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (fault is not null)
            {
                _fault ??= fault;
            }

            if (!_declining)
            {
                _declining = true;
                release = _postponed?.TakeAll();
            }
        }

        Release(release);
        TryComplete();
    }

    private void TryComplete()
    {
        Exception? fault;
        lock (_gate)
        {
            if (_completed || !_declining || _accepted > 0 || _consuming > 0)
            {
                return;
            }

            _completed = true;
            fault = _fault;
        }

        // Queued in this order, so the tonic runs OnCompleted before it finishes.
        if (_onCompleted is { } onCompleted)
        {
            Tonic.PostUserCallback(() => onCompleted(fault));
        }

        if (_finishTonic)
        {
            Tonic.RequestFinish();
        }

        if (fault is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(fault);
        }
    }

    /// <summary>The tonic completed: whatever it did not process is gone.</summary>
    private void OnTonicCompleted()
    {
        List<(ISourceBlock<T> Source, DataflowMessageHeader Header)>? release;
        Exception? fault;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _declining = true;
            fault = _fault;
            release = _postponed?.TakeAll();
        }

        Release(release);
        if (fault is null)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetException(fault);
        }
    }

    /// <summary>Gives postponed messages back to their sources (reserve, then release), as Dataflow targets do when they complete.</summary>
    private void Release(List<(ISourceBlock<T> Source, DataflowMessageHeader Header)>? postponed)
    {
        if (postponed is null)
        {
            return;
        }

        foreach (var (source, header) in postponed)
        {
            try
            {
                if (source.ReserveMessage(header, this))
                {
                    source.ReleaseReservation(header, this);
                }
            }
            catch (InvalidOperationException)
            {
                // The source completed or no longer holds the message: nothing to give back.
            }
        }
    }
}
