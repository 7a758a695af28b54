using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Scatter-gather with one coordinator block and one block per worker.</summary>
public sealed class ActionBlockScatterGather : IScatterGatherImplementation
{
    private ActionBlock<object>? _coordinator;
    private ActionBlock<WorkRequest>[] _workers = [];

    public void Setup(int workers, int rounds, CompletionSignal done)
    {
        var tally = new GatherTally(workers, rounds, done);
        _workers = new ActionBlock<WorkRequest>[workers];
        _coordinator = new ActionBlock<object>(message =>
        {
            var scatter = message switch
            {
                WorkReply => tally.OnReply(),
                StartRun => true,
                _ => false,
            };
            if (scatter)
            {
                foreach (var worker in _workers)
                {
                    worker.Post(new WorkRequest(tally.Round));
                }
            }
        });
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new ActionBlock<WorkRequest>(request => _coordinator.Post(new WorkReply(request.Round)));
        }
    }

    public void Start() => _coordinator!.Post(new StartRun());

    public void Dispose()
    {
        BareActors.CompleteAndWait(_coordinator);
        foreach (var worker in _workers)
        {
            BareActors.CompleteAndWait(worker);
        }
    }
}
