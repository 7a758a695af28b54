using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Scatter-gather with one coordinator <see cref="ChannelActor{T}"/> and one per worker.</summary>
public sealed class ChannelScatterGather : IScatterGatherImplementation
{
    private ChannelActor<object>? _coordinator;
    private ChannelActor<WorkRequest>[] _workers = [];

    public void Setup(int workers, int rounds, CompletionSignal done)
    {
        var tally = new GatherTally(workers, rounds, done);
        _workers = new ChannelActor<WorkRequest>[workers];
        _coordinator = new ChannelActor<object>(message =>
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
                    worker.Tell(new WorkRequest(tally.Round));
                }
            }
        });
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new ChannelActor<WorkRequest>(request => _coordinator.Tell(new WorkReply(request.Round)));
        }
    }

    public void Start() => _coordinator!.Tell(new StartRun());

    public void Dispose()
    {
        BareActors.CompleteAndWait(_coordinator);
        foreach (var worker in _workers)
        {
            BareActors.CompleteAndWait(worker);
        }
    }
}
