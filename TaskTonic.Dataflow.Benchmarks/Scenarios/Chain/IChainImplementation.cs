using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.Chain;

/// <summary>
/// Chain (the seed's queue benchmark): one actor whose handler, for every <see cref="Messages.ChainLink"/>,
/// calls <see cref="MessageTally.Count"/> and, unless the link <see cref="Messages.ChainLink.IsLast"/>, posts
/// <see cref="Messages.ChainLink.Next"/> to its own actor. The queue never holds more than one message.
/// </summary>
public interface IChainImplementation : IDisposable
{
    /// <summary>Creates the actor, owning a <c>new MessageTally(linksPerRun, done)</c>.</summary>
    void Setup(int linksPerRun, CompletionSignal done);

    /// <summary>Sends the first link, <c>new ChainLink(linksPerRun)</c>, from outside.</summary>
    void Start(int linksPerRun);
}
