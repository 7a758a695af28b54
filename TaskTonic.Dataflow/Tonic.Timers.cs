using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    private List<TonicTimer>? _timers;

    /// <summary>The timers this tonic owns (a snapshot); they finish when the tonic finishes.</summary>
    public IReadOnlyList<TonicTimer> Timers
    {
        get
        {
            var list = Volatile.Read(ref _timers);
            if (list is null)
            {
                return [];
            }

            lock (list)
            {
                return [.. list];
            }
        }
    }

    internal void AttachTimer(TonicTimer timer)
    {
        var list = LazyInitializer.EnsureInitialized(ref _timers, static () => []);

        lock (list)
        {
            list.Add(timer);
        }
    }

    internal void DetachTimer(TonicTimer timer)
    {
        var list = Volatile.Read(ref _timers);
        if (list is null)
        {
            return;
        }

        lock (list)
        {
            list.Remove(timer);
        }
    }

    /// <summary>Runs a timer's routed sparkle inline, on this tonic's catalyst, with the timer as its source.</summary>
    internal void RunTimerSparkle(int sparkle, object? args)
    {
        var order = new WorkOrder(this, sparkle, args, this, SystemSparkle.TimerFired);
        InvokeWithin(sparkle, args, order);
        RunPendingTransitions(order);
    }

    /// <summary>Runs a timer's explicit callback inline, on this tonic's catalyst; a throw is reported as a failure.</summary>
    internal void RunTimerCallback(Action<TimerInfo> callback, TimerInfo info)
    {
        try
        {
            callback(info);
        }
        catch (Exception ex)
        {
            Fail(new SparkleFailure(this, SystemSparkle.NameOf(SystemSparkle.TimerFired), StateName,
                new SparkleSource(this, SystemSparkle.NameOf(SystemSparkle.TimerFired), Id), ex), info);
        }

        RunPendingTransitions(new WorkOrder(this, SystemSparkle.TimerFired, info, this, SystemSparkle.TimerFired));
    }

    private void FinishTimers()
    {
        foreach (var timer in Timers)
        {
            timer.Finish();
        }
    }
}
