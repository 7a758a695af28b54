namespace TaskTonic.Dataflow.Internal;

/// <summary>Runs tasks by posting them to a <see cref="SynchronizationContext"/> (a UI thread, or a test's message loop).</summary>
internal sealed class SynchronizationContextScheduler(SynchronizationContext context) : TaskScheduler
{
    public override int MaximumConcurrencyLevel => 1;

    // One post per block processing task, not per work order: the block drains its queue inside one task.
    protected override void QueueTask(Task task) => context.Post(_ => TryExecuteTask(task), null);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        SynchronizationContext.Current == context && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
