using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>Ping-pong between Proto.Actor actors; each ping actor spawns its pong actor as a child.</summary>
public sealed class ProtoActorPingPong : IPingPongImplementation
{
    private static readonly Props PongProps = Props.FromProducer(() => new PongActor());

    private ActorSystem? _system;
    private PID[] _pings = [];

    public void Setup(PingPongShape shape, CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        _pings = new PID[shape.Pairs];
        for (var i = 0; i < _pings.Length; i++)
        {
            var tally = new PingTally(shape, done);
            _pings[i] = _system.Root.Spawn(Props.FromProducer(() => new PingActor(tally)));
        }
    }

    public void Start()
    {
        foreach (var ping in _pings)
        {
            _system!.Root.Send(ping, new StartRun());
        }
    }

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    private sealed class PingActor(PingTally tally) : IActor
    {
        private PID? _pong;

        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case Pong pong:
                    if (tally.OnPong())
                    {
                        context.Send(_pong!, new Ping(pong.Sequence + tally.InFlight));
                    }

                    break;
                case StartRun:
                    for (var i = 0; i < tally.InFlight; i++)
                    {
                        context.Send(_pong!, new Ping(i));
                    }

                    break;
                case Started:
                    _pong = context.Spawn(PongProps);
                    break;
            }

            return Task.CompletedTask;
        }
    }

    private sealed class PongActor : IActor
    {
        public Task ReceiveAsync(IContext context)
        {
            if (context.Message is Ping ping)
            {
                context.Send(context.Parent!, new Pong(ping.Sequence));
            }

            return Task.CompletedTask;
        }
    }
}
