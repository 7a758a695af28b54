using System.ComponentModel;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    // The mailbox is light: once the tonic has started, work orders go straight into the catalyst's block.
    // Only while it must hold work (before start, while moving) does it buffer, and the buffer is dropped afterwards.
    // _posting counts posts in flight on the direct path, so a move can wait until none can still land in the old queue.
    private volatile Catalyst _catalyst;
    private Queue<WorkOrder>? _startBuffer;
    private volatile bool _direct;
    private int _posting;

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
        var order = context.Ledger is null
            ? new WorkOrder(this, sparkle, args, null, SystemSparkle.None)
            : new WorkOrder(this, sparkle, args, context.Tonic, context.Sparkle);
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

        Post(order);
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

    internal void PostSystem(int sparkle, object? args = null) =>
        Post(new WorkOrder(this, sparkle, args, Ambient.Tonic, Ambient.Sparkle));

    internal void Post(in WorkOrder order)
    {
        Interlocked.Increment(ref _posting);
        try
        {
            if (_direct)
            {
                if (!_catalyst.Enqueue(order))
                {
                    _ledger.ReportDrop(order, DropReason.CatalystCompleted);
                }

                return;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _posting);
        }

        PostSlow(order);
    }

    private void PostSlow(in WorkOrder order)
    {
        var buffer = _startBuffer;
        if (buffer is not null)
        {
            lock (buffer)
            {
                // A suspension holds user work (and moves) only; runtime work still reaches the held tonic.
                if (!_direct && (_phase != Phase.Suspended || order.Kind == WorkOrderKind.User || order.Sparkle == SystemSparkle.Move))
                {
                    buffer.Enqueue(order);
                    return;
                }
            }
        }

        if (!_catalyst.Enqueue(order))
        {
            _ledger.ReportDrop(order, DropReason.CatalystCompleted);
        }
    }

    /// <summary>Posts the start work order, then everything sent before it, then switches to direct posting.</summary>
    internal void OpenMailbox()
    {
        var buffer = _startBuffer!;
        lock (buffer)
        {
            var start = new WorkOrder(this, SystemSparkle.Start, null, this, SystemSparkle.Init);
            if (!_catalyst.Enqueue(start))
            {
                _ledger.ReportDrop(start, DropReason.CatalystCompleted);
            }

            while (buffer.TryDequeue(out var order))
            {
                if (!_catalyst.Enqueue(order))
                {
                    _ledger.ReportDrop(order, DropReason.CatalystCompleted);
                }
            }

            _direct = true;
        }

        _startBuffer = null;
    }
}
