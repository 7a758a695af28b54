using System.Collections.Concurrent;

namespace TaskTonic.Dataflow.Internal;

/// <summary>Runs every task on one dedicated background thread, which ends when the scheduler is completed.</summary>
internal sealed class DedicatedThreadScheduler : TaskScheduler
{
    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread _thread;

    public DedicatedThreadScheduler(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public override int MaximumConcurrencyLevel => 1;

    public int ManagedThreadId => _thread.ManagedThreadId;

    /// <summary>Lets the thread end once the queued tasks ran.</summary>
    public void Complete() => _tasks.CompleteAdding();

    protected override void QueueTask(Task task) => _tasks.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [.. _tasks];

    private void Run()
    {
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }

        _tasks.Dispose();
    }
}
