using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>
/// SkyNet with tonics: an inner node creates its ten children as infusions inside its sparkle (they share its
/// catalyst, the main one), a node reports to its base with a command and then finishes itself; the root reports to
/// the completion signal. A node completes once its own infusions have completed.
/// </summary>
public sealed partial class TaskTonicSkyNet : ISkyNetImplementation
{
    private TaskTonicHost? _host;
    private CompletionSignal? _done;

    public void Setup(CompletionSignal done)
    {
        _host = new TaskTonicHost();
        _done = done;
    }

    public void Start(long leaves)
    {
        var done = _done!;
        _host!.Spawn(() => new Node(done)).CountLeaves(new SkyNetStart(0, leaves));
    }

    public void Dispose() => _host?.Dispose();

    private sealed partial class Node(CompletionSignal? done) : Tonic
    {
        private SkyNetSum? _sum;

        private void ttsc__count_leaves(SkyNetStart start)
        {
            if (start.IsLeaf)
            {
                Report(start.Number);
                return;
            }

            _sum = new SkyNetSum();
            for (var i = 0; i < SkyNetStart.Fanout; i++)
            {
                new Node(done: null).CountLeaves(start.ForChild(i));
            }
        }

        private void ttsc__child_result(SkyNetResult result)
        {
            if (_sum!.Add(result.Sum, out var total))
            {
                Report(total);
            }
        }

        private void Report(long sum)
        {
            if (done is null)
            {
                ((Node)Parent!).ChildResult(new SkyNetResult(sum));
            }
            else
            {
                done.Signal(sum);
            }

            Finish();
        }
    }
}
