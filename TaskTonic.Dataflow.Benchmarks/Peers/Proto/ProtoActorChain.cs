using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Chain;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>The chain as a Proto.Actor actor that sends each next link with <c>context.Send(context.Self, …)</c>.</summary>
public sealed class ProtoActorChain : IChainImplementation
{
    private ActorSystem? _system;
    private PID? _actor;

    public void Setup(int linksPerRun, CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        var tally = new MessageTally(linksPerRun, done);
        _actor = _system.Root.Spawn(Props.FromProducer(() => new Chain(tally)));
    }

    public void Start(int linksPerRun) => _system!.Root.Send(_actor!, new ChainLink(linksPerRun));

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    private sealed class Chain(MessageTally tally) : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is ChainLink link)
            {
                tally.Count();
                if (!link.IsLast)
                {
                    context.Send(context.Self, link.Next());
                }
            }

            return Task.CompletedTask;
        }
    }
}
