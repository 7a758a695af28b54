using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Pipeline;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>The pipeline as linked TPL Dataflow blocks: <c>TransformBlock</c>s passing the item on, an <c>ActionBlock</c> at the end.</summary>
public sealed class DataflowPipeline : IPipelineImplementation
{
    private readonly List<IDataflowBlock> _blocks = [];
    private ITargetBlock<PipelineItem>? _head;

    public void Setup(int stages, int itemsPerRun, CompletionSignal done)
    {
        var tally = new MessageTally(itemsPerRun, done);
        var link = new DataflowLinkOptions { PropagateCompletion = true };
        ITargetBlock<PipelineItem> next = new ActionBlock<PipelineItem>(_ => tally.Count());
        _blocks.Add(next);
        for (var i = 1; i < stages; i++)
        {
            var stage = new TransformBlock<PipelineItem, PipelineItem>(static item => item);
            stage.LinkTo(next, link);
            _blocks.Add(stage);
            next = stage;
        }

        _head = next;
    }

    public void Start(int items)
    {
        for (var i = 0; i < items; i++)
        {
            _head!.Post(new PipelineItem(i));
        }
    }

    public void Dispose()
    {
        _head?.Complete();
        if (_blocks.Count > 0 && !_blocks[0].Completion.Wait(CompletionSignal.Watchdog))
        {
            throw new TimeoutException("The Dataflow pipeline did not complete.");
        }
    }
}
