using System.ComponentModel;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    // The mailbox is light: once the tonic has started, work orders go straight into the catalyst's block.
    // Only while it must hold work (before start, while moving or suspended) does it buffer, and the buffer is dropped
    // afterwards; before start the buffer is only created if something is posted then.
    // A switch away from the direct path (move, suspension) runs on the tonic's catalyst, so posts made there need no
    // guard; posts from elsewhere mark themselves (PostGuard), so the switch can wait for them.

    private volatile Catalyst _catalyst;
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
        if (Telemetry.TonicTelemetry.Source.HasListeners())
        {
            args = Telemetry.TonicTelemetry.CarryTrace(args);
        }

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

        if (_mailboxBound is { } bound && sparkle >= 0 && !AdmitBounded(bound, order, context.Running))
        {
            return;
        }

        Post(order, context.Running);
    }

    /// <summary>Why user work is dropped now that the tonic is finishing or completed.</summary>
    private DeadLetterReason FinishingDropReason => _phase == Phase.Completed ? DeadLetterReason.TonicCompleted : DeadLetterReason.TonicFinishing;

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
        var mark = PostGuard.Mine;
        var previous = mark.Enter(catalyst);
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
            mark.Exit(previous);
        }
    }

    private void EnqueueOn(Catalyst catalyst, in WorkOrder order)
    {
        if (!catalyst.Enqueue(order))
        {
            _ledger.ReportDrop(order, DeadLetterReason.CatalystCompleted);
        }
    }
}
