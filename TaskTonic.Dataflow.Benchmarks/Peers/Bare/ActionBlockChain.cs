using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Chain;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>The chain in an <see cref="ActionBlock{TInput}"/> whose handler posts to its own block.</summary>
public sealed class ActionBlockChain : IChainImplementation
{
    private ActionBlock<ChainLink>? _actor;

    public void Setup(int linksPerRun, CompletionSignal done)
    {
        var tally = new MessageTally(linksPerRun, done);
        _actor = new ActionBlock<ChainLink>(link =>
        {
            tally.Count();
            if (!link.IsLast)
            {
                _actor!.Post(link.Next());
            }
        });
    }

    public void Start(int linksPerRun) => _actor!.Post(new ChainLink(linksPerRun));

    public void Dispose() => BareActors.CompleteAndWait(_actor);
}
