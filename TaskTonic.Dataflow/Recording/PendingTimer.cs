using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Recording;

/// <summary>
/// A timer firing a recorder has seen start on this thread and writes when its work order ends, once it knows whether
/// the timer raised (its handler, or hooks of its callback, ran inside). One per recorder on the thread.
/// </summary>
internal sealed class PendingTimer
{
    [ThreadStatic]
    private static PendingTimer? t_first;

    private PendingTimer(Recorder owner, Tonic tonic, WorkOrder order, DateTimeOffset now, bool due, PendingTimer? next)
    {
        Raised = due;
        Owner = owner;
        Tonic = tonic;
        Order = order;
        Now = now;
        Next = next;
    }

    public Recorder Owner { get; }

    public Tonic Tonic { get; }

    public WorkOrder Order { get; }

    public DateTimeOffset Now { get; }

    public bool Raised { get; set; }

    private PendingTimer? Next { get; set; }

    public static void Begin(Recorder owner, Tonic tonic, in WorkOrder order, DateTimeOffset now, bool due)
    {
        End(owner);
        t_first = new PendingTimer(owner, tonic, order, now, due, t_first);
    }

    public static PendingTimer? Find(Recorder owner)
    {
        for (var pending = t_first; pending is not null; pending = pending.Next)
        {
            if (ReferenceEquals(pending.Owner, owner))
            {
                return pending;
            }
        }

        return null;
    }

    /// <summary>Removes and returns the owner's pending firing, if any.</summary>
    public static PendingTimer? End(Recorder owner)
    {
        PendingTimer? previous = null;
        for (var pending = t_first; pending is not null; previous = pending, pending = pending.Next)
        {
            if (ReferenceEquals(pending.Owner, owner))
            {
                if (previous is null)
                {
                    t_first = pending.Next;
                }
                else
                {
                    previous.Next = pending.Next;
                }

                return pending;
            }
        }

        return null;
    }
}
