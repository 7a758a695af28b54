using System.ComponentModel;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Sparkles;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    /// <summary>
    /// Generated: runs the handler of <paramref name="sparkle"/> for the current state (specific, else generic,
    /// else nothing). The base implementation is the no-op. Not for user code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void DispatchSparkle(int sparkle, object? args)
    {
    }

    /// <summary>Runs one work order; called by the catalyst with the sparkle context set.</summary>
    internal void Run(in WorkOrder order)
    {
        System.Diagnostics.Debug.Assert(ReferenceEquals(Ambient.Running, _catalyst), "A sparkle runs on its own tonic's catalyst.");
        if (order.Kind == WorkOrderKind.User)
        {
            if (_mailboxBound is { } bound && order.Sparkle >= 0 && _phase != Phase.Suspended)
            {
                bound.Release();
            }

            if (_phase >= Phase.Finishing)
            {
                if (_phase == Phase.Suspended)
                {
                    RunSuspended(order);
                    return;
                }

                _ledger.ReportDrop(order, FinishingDropReason);
                return;
            }

            if (order.Sparkle == SystemSparkle.RequestState)
            {
                RunRequestedState(order);
            }
            else
            {
                Invoke(order.Sparkle, order.Args, order);
            }

            RunPendingTransitions(order);
            return;
        }

        RunSystem(order);
    }

    /// <summary>Invokes a handler (or a queued user callback), reporting a failure instead of letting it escape.</summary>
    private bool Invoke(int sparkle, object? args, in WorkOrder order)
    {
        var observer = _ledger.Observer;
        observer?.Entering(this, sparkle, order);
        var started = _logMode == LogMode.Full ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        try
        {
            if (sparkle == SystemSparkle.UserCallback)
            {
                ((Action)args!)();
            }
            else
            {
                DispatchSparkle(sparkle, args);
            }

            if (started != 0)
            {
                LogSparkle(sparkle, order, started);
            }
        }
        catch (Exception ex)
        {
            _hasPendingState = false;
            observer?.Exited(this, sparkle, ex);
            Fail(new SparkleFailure(this, _descriptor.HandlerName(sparkle, _state), StateName, SourceOf(order.Source, order.SourceSparkle), ex),
                sparkle == SystemSparkle.UserCallback ? null : args);
            return false;
        }

        observer?.Exited(this, sparkle, null);
        return true;
    }

    private void InvokeHook(int hook, in WorkOrder order) => InvokeWithin(hook, null, order);

    /// <summary>Invokes a handler inside the running frame (a hook or a timer's sparkle), as that sparkle for its duration.</summary>
    private bool InvokeWithin(int sparkle, object? args, in WorkOrder order)
    {
        var context = Ambient.Active;
        var outer = context.Sparkle;
        context.Sparkle = sparkle;
        try
        {
            return Invoke(sparkle, args, order);
        }
        finally
        {
            context.Sparkle = outer;
        }
    }

    private void RunSystem(in WorkOrder order)
    {
        if ((_phase == Phase.Suspended && RunSystemSuspended(order)) || _abandoned)
        {
            return;
        }

        var observer = _ledger.Observer;
        observer?.Entering(this, order.Sparkle, order);
        try
        {
            RunSystemCore(order);
        }
        finally
        {
            observer?.Exited(this, order.Sparkle, null);
        }
    }

    private void RunSystemCore(in WorkOrder order)
    {
        switch (order.Sparkle)
        {
            case SystemSparkle.Start:
                RunStart(order);
                break;
            case SystemSparkle.Finish:
                RunFinish(order);
                break;
            case SystemSparkle.InfusionCompleted:
                OnInfusionCompleted((Tonic)order.Args!, order);
                break;
            case SystemSparkle.TonicLeft:
                OnBoundTonicsLeft();
                break;
            case SystemSparkle.Callback:
                RunCallback(order);
                break;
            case SystemSparkle.Move:
                BeginMove((Catalyst)order.Args!);
                break;
            case SystemSparkle.MoveCompleted:
                ((Tonic)order.Args!).CompleteMove((Catalyst)this);
                break;
            case SystemSparkle.TimerFired:
                if (_phase < Phase.Finishing)
                {
                    ((Timers.TonicTimer)order.Args!).Fire();
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown system work order {order.Sparkle}.");
        }
    }

    private void RunCallback(in WorkOrder order)
    {
        if (_phase == Phase.Completed)
        {
            _ledger.ReportDrop(order, DeadLetterReason.TonicCompleted);
            return;
        }

        try
        {
            ((Action<Tonic>)order.Args!)(this);
        }
        catch (Exception ex)
        {
            _ledger.ReportFailure(new SparkleFailure(this, SystemSparkle.NameOf(SystemSparkle.Callback), StateName, SourceOf(order.Source, order.SourceSparkle), ex));
        }

        if (_phase < Phase.Finishing)
        {
            RunPendingTransitions(order);
        }
    }

    /// <summary>Queues <paramref name="action"/> to run on this tonic's catalyst as system work (it runs while finishing).</summary>
    internal void PostCallback(Action<Tonic> action) => PostSystem(SystemSparkle.Callback, action);

    /// <summary>
    /// Queues <paramref name="action"/> as a user sparkle (<c>tts__callback</c>): it runs on this tonic's catalyst like
    /// any sparkle (failures reported, deferred transitions applied) and is dropped, and reported, once the tonic is finishing.
    /// </summary>
    internal void PostUserCallback(Action action) => PostUser(SystemSparkle.UserCallback, action);
}
