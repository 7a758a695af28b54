using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Flood;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Flood into one default <see cref="ActionBlock{TInput}"/> (one at a time, unbounded).</summary>
public sealed class ActionBlockFlood : IFloodImplementation
{
    private ActionBlock<FloodMessage>? _receiver;

    public void Setup(int messagesPerRun, CompletionSignal done)
    {
        var tally = new MessageTally(messagesPerRun, done);
        _receiver = new ActionBlock<FloodMessage>(_ => tally.Count());
    }

    public void Send(FloodMessage message) => _receiver!.Post(message);

    public void Dispose() => BareActors.CompleteAndWait(_receiver);
}
