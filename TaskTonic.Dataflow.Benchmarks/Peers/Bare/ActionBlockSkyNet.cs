using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>SkyNet with one <see cref="ActionBlock{TInput}"/> per node; a node completes its block after reporting.</summary>
public sealed class ActionBlockSkyNet : ISkyNetImplementation
{
    private CompletionSignal? _done;

    public void Setup(CompletionSignal done) => _done = done;

    public void Start(long leaves) => new Node(parent: null, _done).Post(new SkyNetStart(0, leaves));

    public void Dispose()
    {
    }

    private sealed class Node
    {
        private readonly ActionBlock<object> _block;
        private readonly Node? _parent;
        private readonly CompletionSignal? _done;
        private SkyNetSum? _sum;

        public Node(Node? parent, CompletionSignal? done)
        {
            _parent = parent;
            _done = done;
            _block = new ActionBlock<object>(Handle);
        }

        public void Post(object message) => _block.Post(message);

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
                        new Node(this, done: null).Post(start.ForChild(i));
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
                _parent.Post(new SkyNetResult(sum));
            }

            _block.Complete();
        }
    }
}
