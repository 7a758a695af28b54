using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

// The mailbox's buffer: work held before the start (created only if something arrives then), while moving and while
// suspended; opening the mailbox queues what was held, in order, and switches to direct posting.
public abstract partial class Tonic
{
    /// <summary>Marks the start buffer while the mailbox opens with nothing buffered: posts that see it go direct.</summary>
    private static readonly Queue<WorkOrder> s_opening = new();
    private Queue<WorkOrder>? _startBuffer;

    /// <summary>Posts while the direct path looked closed: into the buffer if it still holds, else straight to the catalyst.</summary>
    /// <remarks>
    /// Every enqueue here is guarded like the fast path's: a post that found the buffer gone and then enqueued unguarded
    /// could land in the old catalyst's queue behind a move that began meanwhile, be forwarded late, and be overtaken by
    /// the sender's next post (seen as a reordering across moves under load).
    /// </remarks>
    private void PostSlow(in WorkOrder order)
    {
        while (true)
        {
            var buffer = Volatile.Read(ref _startBuffer);
            if (buffer is null && !_direct)
            {
                // Not open yet and nothing buffered so far: create the start buffer (or take the one a racing post made).
                var created = new Queue<WorkOrder>();
                buffer = Interlocked.CompareExchange(ref _startBuffer, created, null) ?? created;
            }

            if (buffer is not null && !ReferenceEquals(buffer, s_opening) && TryHold(buffer, order))
            {
                return;
            }

            // Direct, opening or just drained: the fast path's guarded post, which fails only while a switch is under way.
            if (TryPostGuarded(_catalyst, order))
            {
                return;
            }
        }
    }

    /// <summary>Queues <paramref name="order"/> while <paramref name="buffer"/> still holds the mailbox; false once it was drained or replaced.</summary>
    private bool TryHold(Queue<WorkOrder> buffer, in WorkOrder order)
    {
        lock (buffer)
        {
            if (!ReferenceEquals(Volatile.Read(ref _startBuffer), buffer) || _direct)
            {
                return false;
            }

            // A suspension holds user work (and moves) only; runtime work still reaches the held tonic. A suspension runs
            // on the catalyst and does not move the tonic, and the buffer's lock keeps the mailbox from reopening meanwhile.
            if (_phase != Phase.Suspended || order.Kind == WorkOrderKind.User || order.Sparkle == SystemSparkle.Move)
            {
                buffer.Enqueue(order);
            }
            else
            {
                EnqueueOn(_catalyst, order);
            }

            return true;
        }
    }

    /// <summary>Stops the direct path: from now on posts go to <paramref name="hold"/>. On the tonic's catalyst.</summary>
    private void HoldMailbox(Queue<WorkOrder> hold, bool suspend)
    {
        System.Diagnostics.Debug.Assert(ReferenceEquals(Ambient.Running, _catalyst), "The mailbox is switched off the direct path only on the tonic's catalyst.");
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
        PostGuard.WaitForPostsInto(_catalyst);
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
