using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// The production loop: an <see cref="ActionBlock{T}"/> with a degree of parallelism of one. With an idle spin (opt-in), the
/// block's task waits a short adaptive window after its queue ran dry (<see cref="IdleSpin"/>), so a reply arriving
/// soon runs on the same task instead of costing a new Task and a thread-pool wake.
/// </summary>
internal sealed class DataflowCatalystLoop : CatalystLoop
{
    private readonly ActionBlock<WorkOrder> _block;
    private readonly Action<WorkOrder> _execute;
    private readonly IdleSpin? _spin;
    private readonly Func<bool>? _hasWork;

    public DataflowCatalystLoop(Action<WorkOrder> execute, TaskScheduler? scheduler, TimeSpan? idleSpin = null)
    {
        _execute = execute;
        _spin = IdleSpin.For(idleSpin);
        _hasWork = _spin is null ? null : () => _block!.InputCount > 0;
        _block = new ActionBlock<WorkOrder>(_spin is null ? execute : ExecuteThenSpin, new ExecutionDataflowBlockOptions
        {
            MaxDegreeOfParallelism = 1,
            TaskScheduler = scheduler ?? TaskScheduler.Default,
        });
    }

    public override Task Completion => _block.Completion;

    public override int QueuedCount => _block.InputCount;

    public override bool Post(in WorkOrder order) => _block.Post(order);

    public override void Complete() => _block.Complete();

    private void ExecuteThenSpin(WorkOrder order)
    {
        var spin = _spin!;
        spin.OnWork();
        _execute(order);
        if (_block.InputCount == 0)
        {
            spin.Await(_hasWork!);
        }
    }
}
