using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Pipeline;

/// <summary>
/// Pipeline: <see cref="PipelineBenchmarks.Stages"/> stages, each an actor of its own (each TaskTonic stage a tonic on
/// its own catalyst). The benchmark thread sends every <see cref="Messages.PipelineItem"/> of a run into the first
/// stage; each stage passes the item to the next; the last calls <see cref="MessageTally.Count"/>.
/// </summary>
public interface IPipelineImplementation : IDisposable
{
    /// <summary>Creates the stages; the last one owns a <c>new MessageTally(itemsPerRun, done)</c>.</summary>
    void Setup(int stages, int itemsPerRun, CompletionSignal done);

    /// <summary>Sends <paramref name="items"/> items, <c>new PipelineItem(i)</c>, into the first stage from the calling thread.</summary>
    void Start(int items);
}
