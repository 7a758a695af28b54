using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>SkyNet with one <see cref="ChannelActor{T}"/> per node; a node completes its channel after reporting.</summary>
public sealed class ChannelSkyNet : ISkyNetImplementation
{
    private CompletionSignal? _done;

    public void Setup(CompletionSignal done) => _done = done;

    public void Start(long leaves) => new Node(parent: null, _done).Tell(new SkyNetStart(0, leaves));

    public void Dispose()
    {
    }

    private sealed class Node
    {
        private readonly ChannelActor<object> _actor;
        private readonly Node? _parent;
        private readonly CompletionSignal? _done;
        private SkyNetSum? _sum;

        public Node(Node? parent, CompletionSignal? done)
        {
            _parent = parent;
            _done = done;
            _actor = new ChannelActor<object>(Handle);
        }

        public void Tell(object message) => _actor.Tell(message);

        private void Handle(object message)
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
                        new Node(this, done: null).Tell(start.ForChild(i));
                    }

                    break;
                case SkyNetResult result when _sum!.Add(result.Sum, out var total):
                    Report(total);
                    break;
            }
        }

        private void Report(long sum)
        {
            if (_parent is null)
            {
                _done!.Signal(sum);
            }
            else
            {
                _parent.Tell(new SkyNetResult(sum));
            }

            _actor.Complete();
        }
    }
}
