using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Pipeline;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>The pipeline as tonics, each on a catalyst of its own, each calling the next stage's sparkle.</summary>
public sealed partial class TaskTonicPipeline : IPipelineImplementation
{
    private TaskTonicHost? _host;
    private StageTonic? _head;

    public void Setup(int stages, int itemsPerRun, CompletionSignal done)
    {
        var host = _host = new TaskTonicHost();
        var tally = new MessageTally(itemsPerRun, done);
        StageTonic? next = null;
        for (var i = stages - 1; i >= 0; i--)
        {
            var catalyst = host.NewCatalyst($"stage-{i}");
            var target = next;
            next = host.Spawn(() => new StageTonic(catalyst, target, tally));
        }

        _head = next;
    }

    public void Start(int items)
    {
        for (var i = 0; i < items; i++)
        {
            _head!.NotifyItem(new PipelineItem(i));
        }
    }

    public void Dispose() => _host?.Dispose();

    private sealed partial class StageTonic(Catalyst catalyst, StageTonic? next, MessageTally tally)
        : Tonic(new TonicOptions { Catalyst = catalyst })
    {
        private void ttse__item(PipelineItem item)
        {
            if (next is null)
            {
                tally.Count();
            }
            else
            {
                next.NotifyItem(item);
            }
        }
    }
}
