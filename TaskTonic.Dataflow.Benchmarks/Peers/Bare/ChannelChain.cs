using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Chain;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>The chain in a <see cref="ChannelActor{T}"/> whose handler writes to its own channel.</summary>
public sealed class ChannelChain : IChainImplementation
{
    private ChannelActor<ChainLink>? _actor;

    public void Setup(int linksPerRun, CompletionSignal done)
    {
        var tally = new MessageTally(linksPerRun, done);
        _actor = new ChannelActor<ChainLink>(link =>
        {
            tally.Count();
            if (!link.IsLast)
            {
                _actor!.Tell(link.Next());
            }
        });
    }

    public void Start(int linksPerRun) => _actor!.Tell(new ChainLink(linksPerRun));

    public void Dispose() => BareActors.CompleteAndWait(_actor);
}
