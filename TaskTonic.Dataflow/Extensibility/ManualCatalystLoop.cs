using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Extensibility;

/// <summary>
/// For test kits and tools: a catalyst's work queue that runs nothing by itself. The test kit takes work orders out one
/// at a time (<see cref="RunOne"/>) on the thread of its choice. Created by the factory given to
/// <see cref="TestKitHooks.TakeOver"/>; the runtime then queues that catalyst's work orders here instead of on a thread.
/// </summary>
/// <remarks>
/// Guarantees: each post calls the admission callback once, under the loop's lock, in posting order; a work order
/// runs only through <see cref="RunOne"/>, in the order queued, with the same context, logging, failure handling and
/// observer calls as on a real catalyst. Thread-safe: tonics on other threads may post while the test kit runs one.
/// </remarks>
public sealed class ManualCatalystLoop
{
    private readonly Queue<(long Sequence, WorkOrder Order)> _queue = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<WorkOrderInfo, long?> _admit;
    private bool _completed;

    /// <summary>Creates the loop of <paramref name="catalyst"/>.</summary>
    /// <param name="catalyst">The catalyst whose work orders this loop runs.</param>
    /// <param name="admit">
    /// Called for every post: returns the sequence number to queue the work order with (shown by <see cref="PeekSequence"/>),
    /// or null to discard it (the post counts as accepted; nothing reports a drop).
    /// </param>
    public ManualCatalystLoop(Catalyst catalyst, Func<WorkOrderInfo, long?> admit)
    {
        ArgumentNullException.ThrowIfNull(catalyst);
        ArgumentNullException.ThrowIfNull(admit);
        Catalyst = catalyst;
        _admit = admit;
        Host = new LoopHost(this);
    }

    /// <summary>The catalyst this loop runs.</summary>
    public Catalyst Catalyst { get; }

    /// <summary>The number of work orders waiting.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>What the catalyst posts to.</summary>
    internal CatalystLoop Host { get; }

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

    private bool Post(in WorkOrder order)
    {
        lock (_queue)
        {
            if (_completed)
            {
                return false;
            }

            if (_admit(new WorkOrderInfo(order)) is { } sequence)
            {
                _queue.Enqueue((sequence, order));
            }

            return true;
        }
    }

    private void Complete()
    {
        lock (_queue)
        {
            _completed = true;
        }

        SignalIfDrained();
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

    /// <summary>The runtime's side of the loop.</summary>
    private sealed class LoopHost(ManualCatalystLoop owner) : CatalystLoop
    {
        public override Task Completion => owner._completion.Task;

        public override int QueuedCount => owner.QueuedCount;

        public override bool Post(in WorkOrder order) => owner.Post(order);

        public override void Complete() => owner.Complete();
    }
}
