using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>Scatter-gather with a Proto.Actor coordinator and its worker children.</summary>
public sealed class ProtoActorScatterGather : IScatterGatherImplementation
{
    private static readonly Props WorkerProps = Props.FromProducer(() => new Worker());

    private ActorSystem? _system;
    private PID? _coordinator;

    public void Setup(int workers, int rounds, CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        var tally = new GatherTally(workers, rounds, done);
        _coordinator = _system.Root.Spawn(Props.FromProducer(() => new Coordinator(tally)));
    }

    public void Start() => _system!.Root.Send(_coordinator!, new StartRun());

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    private sealed class Coordinator(GatherTally tally) : IActor
    {
        private PID[] _workers = [];

        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case WorkReply:
                    if (tally.OnReply())
                    {
                        Scatter(context);
                    }

                    break;
                case StartRun:
                    Scatter(context);
                    break;
                case Started:
                    _workers = new PID[tally.Workers];
                    for (var i = 0; i < _workers.Length; i++)
                    {
                        _workers[i] = context.Spawn(WorkerProps);
                    }

                    break;
            }

            return Task.CompletedTask;
        }

        private void Scatter(IContext context)
        {
            foreach (var worker in _workers)
            {
                context.Send(worker, new WorkRequest(tally.Round));
            }
        }
    }

    private sealed class Worker : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is WorkRequest request)
            {
                context.Send(context.Parent!, new WorkReply(request.Round));
            }

            return Task.CompletedTask;
        }
    }
}
