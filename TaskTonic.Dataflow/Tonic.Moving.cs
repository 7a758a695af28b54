using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    /// <summary>
    /// Moves the tonic to another catalyst. After the work already queued for it, its sparkles run on
    /// <paramref name="target"/>; nothing queued for it is lost or reordered (work orders still waiting in the old
    /// catalyst's queue are handed on in order, and work sent during the move is held and delivered after them).
    /// </summary>
    /// <exception cref="InvalidOperationException">The tonic is a catalyst, or the target belongs to another ledger or has completed.</exception>
    public void MoveTo(Catalyst target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsCatalyst)
        {
            throw new InvalidOperationException($"{Name} is a catalyst; only tonics move between catalysts.");
        }

        if (!ReferenceEquals(target.Ledger, _ledger) || target.IsFinishing)
        {
            throw new InvalidOperationException($"Cannot move {Name} to {target.Name}: it belongs to another ledger or is finishing.");
        }

        PostSystem(SystemSparkle.Move, target);
    }

    /// <summary>On the old catalyst, after every earlier work order of this tonic ran.</summary>
    private void BeginMove(Catalyst target)
    {
        var old = _catalyst;
        if (ReferenceEquals(target, old) || _phase >= Phase.Finishing || target.IsFinishing)
        {
            return;
        }

        if (!_direct)
        {
            // The mailbox is still opening (the move was sent before the start): move once it is open.
            PostSystem(SystemSparkle.Move, target);
            return;
        }

        HoldMailbox(new Queue<WorkOrder>(), suspend: false);
        target.Bind();
        _catalyst = target;
        old.PostSystem(SystemSparkle.MoveCompleted, this);
    }

    /// <summary>On the old catalyst, after every order of this tonic that waited there was forwarded.</summary>
    private void CompleteMove(Catalyst old)
    {
        OpenDirectPath();
        old.Unbind();
    }

    /// <summary>Hands a work order that waited on the old catalyst to the current one.</summary>
    internal void Forward(in WorkOrder order) => EnqueueOn(_catalyst, order);
}
