using System.Collections.Concurrent;

namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// A catalyst loop that an owner runs on its own thread: while it holds the loop (<see cref="TryHold"/>), it runs the
/// queued work orders itself (<see cref="TryRunOne"/>) and nothing else runs them. Work posted while nobody holds the
/// loop (a timer, another tonic) is run by a drain on the thread pool, which holds the loop in the same way. So work
/// orders still run one at a time, in the order queued, but the owner's own work needs no hop to another thread.
/// </summary>
/// <remarks>
/// Used where something outside the runtime already runs one turn at a time for the tonic (an Orleans grain
/// activation): the turn holds the loop, posts its work and runs it to the point it needs, then releases.
/// </remarks>
internal sealed class HeldCatalystLoop(Action<WorkOrder> execute) : CatalystLoop
{
    private const int Free = 0;
    private const int Held = 1;

    private readonly Lock _gate = new();
    private readonly Queue<WorkOrder> _queue = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holder;
    private bool _completed;
    private long _posted;
    private long _run;

    public override Task Completion => _completion.Task;

    public override int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>How many work orders were ever queued: a mark that <see cref="RunCount"/> reaches once all of them ran.</summary>
    public long PostedCount => Volatile.Read(ref _posted);

    /// <summary>How many work orders were taken out to run (the holder's view is exact between its own runs).</summary>
    public long RunCount => Volatile.Read(ref _run);

    /// <summary>Takes the loop; false while someone else (a pool drain) runs its work orders.</summary>
    public bool TryHold() => Interlocked.CompareExchange(ref _holder, Held, Free) == Free;

    /// <summary>The holder runs the next work order on its own thread; false when none is queued.</summary>
    public bool TryRunOne()
    {
        System.Diagnostics.Debug.Assert(Volatile.Read(ref _holder) == Held, "Only the holder runs work orders.");
        WorkOrder order;
        lock (_gate)
        {
            if (!_queue.TryDequeue(out order))
            {
                return false;
            }

            _run++;
        }

        execute(order);
        return true;
    }

    /// <summary>
    /// The holder runs <paramref name="order"/> at once, on its own thread, when nothing is queued (it would run next
    /// anyway): no trip through the queue. False, and nothing run, when orders wait or the loop completed: then post it.
    /// Orders run this way are not counted in <see cref="PostedCount"/> and <see cref="RunCount"/>.
    /// </summary>
    /// <remarks>An order another thread queues while this one runs waits behind it, as if this one had been posted first.</remarks>
    public bool TryRunNow(in WorkOrder order)
    {
        System.Diagnostics.Debug.Assert(Volatile.Read(ref _holder) == Held, "Only the holder runs work orders.");
        if (Volatile.Read(ref _posted) != Volatile.Read(ref _run) || Volatile.Read(ref _completed))
        {
            return false;
        }

        execute(order);
        return true;
    }

    /// <summary>Gives the loop back; work still queued goes to a pool drain.</summary>
    public void Release()
    {
        // Both sides fence between their write and their read (Dekker): a Post whose order is not seen here sees the
        // loop free and schedules the drain itself; a Complete that found the loop held is seen here.
        Interlocked.Exchange(ref _holder, Free);
        if (Volatile.Read(ref _posted) == Volatile.Read(ref _run) && !Volatile.Read(ref _completed))
        {
            return;
        }

        bool pending;
        lock (_gate)
        {
            pending = _queue.Count > 0;
            if (!pending && _completed)
            {
                _completion.TrySetResult();
            }
        }

        if (pending)
        {
            ScheduleDrain();
        }
    }

    public override bool Post(in WorkOrder order)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _queue.Enqueue(order);
            Interlocked.Increment(ref _posted); // a full fence before the read below (see Release)
        }

        // A holder releasing after this read finds the order counted and schedules the drain itself.
        if (Volatile.Read(ref _holder) == Free)
        {
            ScheduleDrain();
        }

        return true;
    }

    public override void Complete()
    {
        lock (_gate)
        {
            Volatile.Write(ref _completed, true);
        }

        if (TryHold())
        {
            Release();
        }
    }

    private void ScheduleDrain()
    {
        if (TryHold())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static loop => loop.Drain(), this, preferLocal: false);
        }
    }

    private void Drain()
    {
        while (TryRunOne())
        {
        }

        Release();
    }
}
