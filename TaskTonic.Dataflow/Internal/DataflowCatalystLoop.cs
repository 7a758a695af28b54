using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Internal;

/// <summary>The production loop: an <see cref="ActionBlock{T}"/> with a degree of parallelism of one.</summary>
internal sealed class DataflowCatalystLoop : CatalystLoop
{
    private readonly ActionBlock<WorkOrder> _block;

    public DataflowCatalystLoop(Action<WorkOrder> execute, TaskScheduler? scheduler)
    {
        _block = new ActionBlock<WorkOrder>(execute, new ExecutionDataflowBlockOptions
        {
            MaxDegreeOfParallelism = 1,
            TaskScheduler = scheduler ?? TaskScheduler.Default,
        });
    }

    public override Task Completion => _block.Completion;

    public override int QueuedCount => _block.InputCount;

    public override bool Post(in WorkOrder order) => _block.Post(order);

    public override void Complete() => _block.Complete();
}
