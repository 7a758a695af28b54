namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// A catalyst loop that runs nothing by itself: a test harness takes work orders out one at a time.
/// Every post gets a sequence number from a shared counter, so the harness can replay the global posting order.
/// </summary>
internal sealed class ManualCatalystLoop : CatalystLoop
{
    private readonly Queue<(long Sequence, WorkOrder Order)> _queue = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<long> _nextSequence;
    private bool _completed;

    public ManualCatalystLoop(Catalyst catalyst, Func<long> nextSequence)
    {
        Catalyst = catalyst;
        _nextSequence = nextSequence;
    }

    public Catalyst Catalyst { get; }

    public override Task Completion => _completion.Task;

    public override int QueuedCount
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    public override bool Post(in WorkOrder order)
    {
        lock (_queue)
        {
            if (_completed)
            {
                return false;
            }

            _queue.Enqueue((_nextSequence(), order));
            return true;
        }
    }

    public override void Complete()
    {
        lock (_queue)
        {
            _completed = true;
        }

        SignalIfDrained();
    }

    /// <summary>The sequence number of the next work order, or null when the queue is empty.</summary>
    public long? PeekSequence()
    {
        lock (_queue)
        {
            return _queue.TryPeek(out var head) ? head.Sequence : null;
        }
    }

    /// <summary>Runs the next work order on the calling thread; false when there was none.</summary>
    public bool RunOne()
    {
        WorkOrder order;
        lock (_queue)
        {
            if (!_queue.TryDequeue(out var head))
            {
                return false;
            }

            order = head.Order;
        }

        Catalyst.Execute(order);
        SignalIfDrained();
        return true;
    }

    private void SignalIfDrained()
    {
        lock (_queue)
        {
            if (!_completed || _queue.Count > 0)
            {
                return;
            }
        }

        _completion.TrySetResult();
    }
}
