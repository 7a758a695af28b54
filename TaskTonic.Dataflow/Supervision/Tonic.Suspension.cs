using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Supervision;

namespace TaskTonic.Dataflow;

// Supervision, part two: a failed incarnation is suspended. Its work is held (work already queued is collected as it
// comes up, work sent later waits in the mailbox buffer) until the supervisor restarts or stops it; a replaced
// incarnation forwards everything to the live one.
public abstract partial class Tonic
{
    /// <summary>
    /// Runs <paramref name="action"/> now when this is the running tonic, else queues it on this tonic's catalyst; a
    /// tonic that is still starting or moving gets it through its mailbox, once that is done.
    /// </summary>
    private void EnqueueOrRun(Action<Tonic> action)
    {
        if (!_direct)
        {
            PostCallback(action);
        }
        else if (ReferenceEquals(Ambient.Tonic, this))
        {
            action(this);
        }
        else
        {
            EnqueueDirect(action);
        }
    }

    /// <summary>Holds this incarnation's work and ends what belongs to it (timers, infusions). On its catalyst.</summary>
    private bool Suspend(Exception reason, RestartGroup? group)
    {
        if (_phase != Phase.Started)
        {
            return false;
        }

        // A group member suspended after its group already asked for the restart (it was moving) joins that restart.
        var suspension = new Suspension(reason, group) { RestartRequested = group?.RestartPending == true };
        EnsureSupervision().Suspension = suspension;
        HoldMailbox(suspension.Hold, suspend: true);
        _hasPendingState = false;
        UnbindEvents();
        FinishTimers();
        foreach (var child in CloseInfusions())
        {
            child.RequestFinish();
        }

        EnqueueDirect(static t => t.EarlyWorkCollected());
        return true;
    }

    /// <summary>Stops this tonic for its supervisor: its held work goes to the dead letters and it finishes.</summary>
    private void StopFor(Exception exception)
    {
        if (_phase == Phase.Started && Suspend(exception, null))
        {
            EnqueueDirect(t => t.StopSuspended(publish: true));
        }
    }

    /// <summary>The restart limit was reached: stop this incarnation if it still waits for <paramref name="group"/>.</summary>
    internal void StopWhenSuspended(RestartGroup group, Exception cause, bool escalate) =>
        EnqueueDirect(t =>
        {
            if (t.IsSuspendedForRestart(group))
            {
                t.StopSuspended(publish: true);
            }

            if (escalate)
            {
                t.EscalateToBase(cause);
            }
        });

    private void StopSuspended(bool publish)
    {
        var suspension = _supervision?.Suspension;
        if (suspension is null || _phase != Phase.Suspended)
        {
            return;
        }

        _supervision!.Suspension = null;
        List<WorkOrder> dropped = [.. suspension.Early];
        lock (suspension.Hold)
        {
            dropped.AddRange(suspension.Hold);
            suspension.Hold.Clear();
            _direct = true;
        }

        _startBuffer = null;
        foreach (var order in dropped)
        {
            _ledger.ReportDrop(order, DeadLetterReason.TonicFinishing);
        }

        _phase = Phase.Started;
        if (publish)
        {
            _ledger.Supervision.Publish(SupervisionEventKind.Stopped, this, suspension.Reason);
        }

        suspension.Group?.MemberFinished(this);
        RunFinish(new WorkOrder(this, SystemSparkle.Finish, null, this, SystemSparkle.None));
    }

    internal bool IsSuspendedForRestart(RestartGroup group) => ReferenceEquals(_supervision?.Suspension?.Group, group);

    /// <summary>Queues a runtime callback straight into the catalyst's queue, ahead of the work a suspension holds.</summary>
    private void EnqueueDirect(Action<Tonic> action)
    {
        EnqueueOn(_catalyst, new WorkOrder(this, SystemSparkle.Callback, action, null, SystemSparkle.None));
    }

    /// <summary>A user work order came up for a suspended incarnation: forward it to the live one, or hold it.</summary>
    private void RunSuspended(in WorkOrder order)
    {
        var live = Live;
        if (!ReferenceEquals(live, this))
        {
            if (order.Sparkle == SystemSparkle.UserCallback)
            {
                _ledger.ReportDrop(order, DeadLetterReason.TonicRestarted);
                return;
            }

            var moved = new WorkOrder(live, order.Sparkle, order.Args, order.Source, order.SourceSparkle);
            if (ReferenceEquals(live._catalyst, Ambient.Running))
            {
                live.RunNested(moved);
            }
            else
            {
                live.Post(moved);
            }

            return;
        }

        if (_supervision?.Suspension is not { } suspension)
        {
            _ledger.ReportDrop(order, DeadLetterReason.TonicFinishing);
            return;
        }

        if (!suspension.EarlyComplete)
        {
            suspension.Early.Add(order);
            return;
        }

        lock (suspension.Hold)
        {
            suspension.Hold.Enqueue(order);
        }
    }

    /// <summary>A sparkle is posted to a suspended incarnation: to the live one if it was replaced, else into the hold.</summary>
    private void PostSuspended(in WorkOrder order)
    {
        var live = Live;
        if (ReferenceEquals(live, this))
        {
            Post(order);
            return;
        }

        if (order.Sparkle == SystemSparkle.UserCallback)
        {
            _ledger.ReportDrop(order, DeadLetterReason.TonicRestarted);
            return;
        }

        var moved = new WorkOrder(live, order.Sparkle, order.Args, order.Source, order.SourceSparkle);
        var phase = live._phase;
        if (phase is Phase.Finishing or Phase.Completed)
        {
            _ledger.ReportDrop(moved, phase == Phase.Completed ? DeadLetterReason.TonicCompleted : DeadLetterReason.TonicFinishing);
            return;
        }

        live.Post(moved);
    }

    /// <summary>System work for a suspended incarnation; true when handled here.</summary>
    private bool RunSystemSuspended(in WorkOrder order)
    {
        switch (order.Sparkle)
        {
            case SystemSparkle.Finish:
                var live = Live;
                if (!ReferenceEquals(live, this))
                {
                    live.RequestFinish();
                }
                else
                {
                    // Finished while its supervisor held it (its base finishing, for example): drop the held work, finish.
                    StopSuspended(publish: false);
                }

                return true;
            case SystemSparkle.Move:
                RunSuspended(order);
                return true;
            default:
                return false;
        }
    }

    private void RequestFinishSuspended()
    {
        var live = Live;
        if (!ReferenceEquals(live, this))
        {
            live.RequestFinish();
            return;
        }

        var frame = Ambient.Current;
        EnqueueOn(_catalyst, new WorkOrder(this, SystemSparkle.Finish, null, frame.Tonic, frame.Sparkle));
    }
}
