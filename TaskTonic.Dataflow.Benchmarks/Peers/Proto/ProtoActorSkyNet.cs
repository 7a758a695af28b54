using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>SkyNet with Proto.Actor: children by <c>context.Spawn</c>, results to <c>context.Parent</c>, then <c>context.Stop(context.Self)</c>.</summary>
public sealed class ProtoActorSkyNet : ISkyNetImplementation
{
    private static readonly Props NodeProps = Props.FromProducer(() => new Node(done: null));

    private ActorSystem? _system;
    private Props? _rootProps;

    public void Setup(CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        _rootProps = Props.FromProducer(() => new Node(done));
    }

    public void Start(long leaves)
    {
        var root = _system!.Root.Spawn(_rootProps!);
        _system.Root.Send(root, new SkyNetStart(0, leaves));
    }

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    /// <summary>A SkyNet actor; the root (the one with a completion signal) reports to the signal instead of its parent.</summary>
    private sealed class Node(CompletionSignal? done) : IActor
    {
        private SkyNetSum? _sum;

        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case SkyNetStart { IsLeaf: true } leaf:
                    Report(context, leaf.Number);
                    break;
                case SkyNetStart start:
                    _sum = new SkyNetSum();
                    for (var i = 0; i < SkyNetStart.Fanout; i++)
                    {
                        context.Send(context.Spawn(NodeProps), start.ForChild(i));
                    }

                    break;
                case SkyNetResult result:
                    if (_sum!.Add(result.Sum, out var total))
                    {
                        Report(context, total);
                    }

                    break;
            }

            return Task.CompletedTask;
        }

        private void Report(IContext context, long sum)
        {
            if (done is null)
            {
                context.Send(context.Parent!, new SkyNetResult(sum));
            }
            else
            {
                done.Signal(sum);
            }

            context.Stop(context.Self);
        }
    }
}
