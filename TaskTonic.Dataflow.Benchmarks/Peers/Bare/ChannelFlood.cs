using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Flood;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Flood into one <see cref="ChannelActor{T}"/>.</summary>
public sealed class ChannelFlood : IFloodImplementation
{
    private ChannelActor<FloodMessage>? _receiver;

    public void Setup(int messagesPerRun, CompletionSignal done)
    {
        var tally = new MessageTally(messagesPerRun, done);
        _receiver = new ChannelActor<FloodMessage>(_ => tally.Count());
    }

    public void Send(FloodMessage message) => _receiver!.Tell(message);

    public void Dispose() => BareActors.CompleteAndWait(_receiver);
}
