using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>SkyNet with Akka.NET: children by <c>Context.ActorOf</c>, results to <c>Context.Parent</c>, then <c>Context.Stop(Self)</c>.</summary>
public sealed class AkkaNetSkyNet : ISkyNetImplementation
{
    private static readonly Props NodeProps = Props.Create<Node>();

    private ActorSystem? _system;
    private Props _rootProps = Props.Empty;

    public void Setup(CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("skynet");
        _rootProps = Props.Create(() => new Root(done));
    }

    public void Start(long leaves) => _system!.ActorOf(_rootProps).Tell(new SkyNetStart(0, leaves), ActorRefs.NoSender);

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    /// <summary>Every actor below the root.</summary>
    private class Node : UntypedActor
    {
        private SkyNetSum? _sum;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case SkyNetStart { IsLeaf: true } leaf:
                    Report(leaf.Number);
                    break;
                case SkyNetStart start:
                    _sum = new SkyNetSum();
                    for (var i = 0; i < SkyNetStart.Fanout; i++)
                    {
                        Context.ActorOf(NodeProps).Tell(start.ForChild(i), Self);
                    }

                    break;
                case SkyNetResult result:
                    if (_sum!.Add(result.Sum, out var total))
                    {
                        Report(total);
                    }

                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }

        protected virtual void Deliver(long sum) => Context.Parent.Tell(new SkyNetResult(sum), Self);

        private void Report(long sum)
        {
            Deliver(sum);
            Context.Stop(Self);
        }
    }

    /// <summary>The root reports to the completion signal instead of its parent.</summary>
    private sealed class Root(CompletionSignal done) : Node
    {
        protected override void Deliver(long sum) => done.Signal(sum);
    }
}
