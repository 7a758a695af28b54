using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.ScatterGather;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>Scatter-gather with an Akka.NET coordinator and its worker children.</summary>
public sealed class AkkaNetScatterGather : IScatterGatherImplementation
{
    private static readonly Props WorkerProps = Props.Create<Worker>();

    private ActorSystem? _system;
    private IActorRef _coordinator = ActorRefs.Nobody;

    public void Setup(int workers, int rounds, CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("scatter");
        var tally = new GatherTally(workers, rounds, done);
        _coordinator = _system.ActorOf(Props.Create(() => new Coordinator(tally)), "coordinator");
    }

    public void Start() => _coordinator.Tell(new StartRun(), ActorRefs.NoSender);

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    private sealed class Coordinator(GatherTally tally) : UntypedActor
    {
        private IActorRef[] _workers = [];

        protected override void PreStart()
        {
            _workers = new IActorRef[tally.Workers];
            for (var i = 0; i < _workers.Length; i++)
            {
                _workers[i] = Context.ActorOf(WorkerProps);
            }
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case WorkReply:
                    if (tally.OnReply())
                    {
                        Scatter();
                    }

                    break;
                case StartRun:
                    Scatter();
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }

        private void Scatter()
        {
            foreach (var worker in _workers)
            {
                worker.Tell(new WorkRequest(tally.Round), Self);
            }
        }
    }

    private sealed class Worker : UntypedActor
    {
        private IActorRef _coordinator = ActorRefs.Nobody;

        protected override void PreStart() => _coordinator = Context.Parent;

        protected override void OnReceive(object message)
        {
            if (message is WorkRequest request)
            {
                _coordinator.Tell(new WorkReply(request.Round), Self);
            }
            else
            {
                Unhandled(message);
            }
        }
    }
}
