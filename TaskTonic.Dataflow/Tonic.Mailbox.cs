using System.ComponentModel;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    // The mailbox is light: once the tonic has started, work orders go straight into the catalyst's block.
    // Only while it must hold work (before start, while moving or suspended) does it buffer, and the buffer is dropped
    // afterwards; before start the buffer is only created if something is posted then.
    // A switch away from the direct path (move, suspension) runs on the tonic's catalyst, so posts made there need no
    // guard; posts from elsewhere count themselves in the catalyst's PostGuard, so the switch can wait for them.

    /// <summary>Marks the start buffer while the mailbox opens with nothing buffered: posts that see it go direct.</summary>
    private static readonly Queue<WorkOrder> s_opening = new();
    private volatile Catalyst _catalyst;
    private Queue<WorkOrder>? _startBuffer;
    private volatile bool _direct;

    /// <summary>
    /// Generated entry points call this to queue a sparkle. Not for user code: call the generated method.
    /// </summary>
    /// <param name="sparkle">The sparkle id from the generated table.</param>
    /// <param name="args">Null, the single argument, or a tuple of the arguments.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void PostSparkle(int sparkle, object? args) => PostUser(sparkle, args);

    /// <summary>Queues user work (dropped once finishing, held while a restart is pending), sourced from the running sparkle.</summary>
    private void PostUser(int sparkle, object? args)
    {
        var context = Ambient.Current;
        var order = new WorkOrder(this, sparkle, args, context.Tonic, context.Sparkle);
        if (_phase >= Phase.Finishing)
        {
            if (_phase == Phase.Suspended)
            {
                PostSuspended(order);
                return;
            }

            _ledger.ReportDrop(order, FinishingDropReason);
            return;
        }

        Post(order, context.Running);
    }

    /// <summary>Why user work is dropped now that the tonic is finishing or completed.</summary>
    private DropReason FinishingDropReason => _phase == Phase.Completed ? DropReason.TonicCompleted : DropReason.TonicFinishing;

    /// <summary>
    /// Generated entry points ask this before packing mutable arguments: true when the caller runs on another catalyst
    /// than this tonic (or outside any sparkle), so the arguments must be copied.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool IsolationRequired => !ReferenceEquals(Ambient.Running, _catalyst);

    /// <summary>Generated entry points copy mutable arguments that cross catalysts with this.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static T CopyArgument<T>(T value) => Serialization.ArgumentCopier.Copy(value);

    internal void PostSystem(int sparkle, object? args = null)
    {
        var context = Ambient.Current;
        Post(new WorkOrder(this, sparkle, args, context.Tonic, context.Sparkle), context.Running);
    }

    internal void Post(in WorkOrder order) => Post(order, Ambient.Running);

    /// <param name="order">The work order.</param>
    /// <param name="running">The catalyst running on the calling thread, if any.</param>
    private void Post(in WorkOrder order, Catalyst? running)
    {
        var catalyst = _catalyst;
        if (ReferenceEquals(running, catalyst))
        {
            if (_direct)
            {
                EnqueueOn(catalyst, order);
                return;
            }
        }
        else if (TryPostGuarded(catalyst, order))
        {
            return;
        }

        PostSlow(order);
    }

    private bool TryPostGuarded(Catalyst catalyst, in WorkOrder order)
    {
        var guard = catalyst.PostGuard;
        guard.Enter();
        try
        {
            if (!_direct || !ReferenceEquals(catalyst, _catalyst))
            {
                return false;
            }

            EnqueueOn(catalyst, order);
            return true;
        }
        finally
        {
            guard.Exit();
        }
    }

    private void EnqueueOn(Catalyst catalyst, in WorkOrder order)
    {
        if (!catalyst.Enqueue(order))
        {
            _ledger.ReportDrop(order, DropReason.CatalystCompleted);
        }
    }

    private void PostSlow(in WorkOrder order)
    {
        while (true)
        {
            var buffer = Volatile.Read(ref _startBuffer);
            if (buffer is null)
            {
                if (_direct)
                {
                    break;
                }

                // Not open yet and nothing buffered so far: create the start buffer (or take the one a racing post made).
                var created = new Queue<WorkOrder>();
                buffer = Interlocked.CompareExchange(ref _startBuffer, created, null) ?? created;
            }

            if (ReferenceEquals(buffer, s_opening))
            {
                break;
            }

            lock (buffer)
            {
                if (!ReferenceEquals(Volatile.Read(ref _startBuffer), buffer))
                {
                    // Drained and dropped (or replaced) while this post waited for it.
                    continue;
                }

                // A suspension holds user work (and moves) only; runtime work still reaches the held tonic.
                if (!_direct && (_phase != Phase.Suspended || order.Kind == WorkOrderKind.User || order.Sparkle == SystemSparkle.Move))
                {
                    buffer.Enqueue(order);
                    return;
                }
            }

            break;
        }

        EnqueueOn(_catalyst, order);
    }

    /// <summary>Stops the direct path: from now on posts go to <paramref name="hold"/>. On the tonic's catalyst.</summary>
    private void HoldMailbox(Queue<WorkOrder> hold, bool suspend)
    {
        lock (hold)
        {
            _startBuffer = hold;
            _direct = false;
            if (suspend)
            {
                _phase = Phase.Suspended;
            }
        }

        // Posts from other threads that saw the direct path must land in the queue before whatever the caller queues next.
        _catalyst.PostGuard.WaitUntilIdle();
    }

    /// <summary>Posts the start work order, then everything sent before it, then switches to direct posting.</summary>
    internal void OpenMailbox()
    {
        EnqueueOn(_catalyst, new WorkOrder(this, SystemSparkle.Start, null, this, SystemSparkle.Init));
        OpenDirectPath();
    }

    /// <summary>Queues what the mailbox buffered (if anything), in order, then switches to direct posting.</summary>
    private void OpenDirectPath()
    {
        var buffer = Interlocked.CompareExchange(ref _startBuffer, s_opening, null);
        if (buffer is null)
        {
            _direct = true;
            Interlocked.CompareExchange(ref _startBuffer, null, s_opening);
            return;
        }

        lock (buffer)
        {
            while (buffer.TryDequeue(out var order))
            {
                EnqueueOn(_catalyst, order);
            }

            _direct = true;
        }

        Interlocked.CompareExchange(ref _startBuffer, null, buffer);
    }
}
