using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Chain;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>The chain as an Akka.NET actor that sends each next link with <c>Self.Tell</c>.</summary>
public sealed class AkkaNetChain : IChainImplementation
{
    private ActorSystem? _system;
    private IActorRef _actor = ActorRefs.Nobody;

    public void Setup(int linksPerRun, CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("chain");
        var tally = new MessageTally(linksPerRun, done);
        _actor = _system.ActorOf(Props.Create(() => new Chain(tally)), "chain");
    }

    public void Start(int linksPerRun) => _actor.Tell(new ChainLink(linksPerRun), ActorRefs.NoSender);

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    private sealed class Chain(MessageTally tally) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is ChainLink link)
            {
                tally.Count();
                if (!link.IsLast)
                {
                    Self.Tell(link.Next(), Self);
                }
            }
            else
            {
                Unhandled(message);
            }
        }
    }
}
