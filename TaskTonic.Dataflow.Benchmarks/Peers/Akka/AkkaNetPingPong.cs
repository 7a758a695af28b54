using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>Ping-pong between Akka.NET actors; each ping actor creates its pong actor as a child.</summary>
public sealed class AkkaNetPingPong : IPingPongImplementation
{
    private static readonly Props PongProps = Props.Create<PongActor>();

    private ActorSystem? _system;
    private IActorRef[] _pings = [];

    public void Setup(PingPongShape shape, CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("pingpong");
        _pings = new IActorRef[shape.Pairs];
        for (var i = 0; i < _pings.Length; i++)
        {
            var tally = new PingTally(shape, done);
            _pings[i] = _system.ActorOf(Props.Create(() => new PingActor(tally)), $"ping-{i}");
        }
    }

    public void Start()
    {
        foreach (var ping in _pings)
        {
            ping.Tell(new StartRun(), ActorRefs.NoSender);
        }
    }

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    private sealed class PingActor(PingTally tally) : UntypedActor
    {
        private IActorRef _pong = ActorRefs.Nobody;

        protected override void PreStart() => _pong = Context.ActorOf(PongProps, "pong");

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Pong pong:
                    if (tally.OnPong())
                    {
                        _pong.Tell(new Ping(pong.Sequence + tally.InFlight), Self);
                    }

                    break;
                case StartRun:
                    for (var i = 0; i < tally.InFlight; i++)
                    {
                        _pong.Tell(new Ping(i), Self);
                    }

                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    private sealed class PongActor : UntypedActor
    {
        private IActorRef _ping = ActorRefs.Nobody;

        protected override void PreStart() => _ping = Context.Parent;

        protected override void OnReceive(object message)
        {
            if (message is Ping ping)
            {
                _ping.Tell(new Pong(ping.Sequence), Self);
            }
            else
            {
                Unhandled(message);
            }
        }
    }
}
