namespace TaskTonic.Dataflow.Benchmarks.Lab;

/// <summary>
/// Queues every task to the thread pool's global queue (never the posting worker's local queue), so a block started
/// from a busy worker is picked up by an idle one instead of waiting behind the poster. A laboratory variant.
/// </summary>
internal sealed class GlobalQueueScheduler : TaskScheduler
{
    public static GlobalQueueScheduler Instance { get; } = new();

    protected override void QueueTask(Task task) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Scheduler.TryExecuteTask(state.Task), (Scheduler: this, Task: task), preferLocal: false);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
