namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// What executes a catalyst's work orders one at a time. The runtime uses an <c>ActionBlock</c>;
/// a test harness can substitute a loop it cranks by hand.
/// </summary>
internal abstract class CatalystLoop
{
    /// <summary>Queues a work order; false when the loop no longer accepts work.</summary>
    public abstract bool Post(in WorkOrder order);

    /// <summary>Stops accepting work; already queued work orders still run.</summary>
    public abstract void Complete();

    /// <summary>Completes once <see cref="Complete"/> was called and the queue has drained.</summary>
    public abstract Task Completion { get; }

    /// <summary>Number of work orders waiting.</summary>
    public abstract int QueuedCount { get; }
}
