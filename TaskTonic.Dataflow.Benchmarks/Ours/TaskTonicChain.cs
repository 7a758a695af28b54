using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Chain;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>The seed's chain: a tonic whose sparkle queues the next sparkle of the same tonic (its generated entry point).</summary>
public sealed partial class TaskTonicChain : IChainImplementation
{
    private TaskTonicHost? _host;
    private Chainer? _chainer;

    public void Setup(int linksPerRun, CompletionSignal done)
    {
        _host = new TaskTonicHost();
        var tally = new MessageTally(linksPerRun, done);
        _chainer = _host.Spawn(() => new Chainer(tally));
    }

    public void Start(int linksPerRun) => _chainer!.Link(new ChainLink(linksPerRun));

    public void Dispose() => _host?.Dispose();

    private sealed partial class Chainer(MessageTally tally) : Tonic
    {
        private void ttsc__link(ChainLink link)
        {
            tally.Count();
            if (!link.IsLast)
            {
                Link(link.Next());
            }
        }
    }
}
