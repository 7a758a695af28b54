using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Ping-pong between pairs of <see cref="ChannelActor{T}"/>s.</summary>
public sealed class ChannelPingPong : IPingPongImplementation
{
    private Pair[] _pairs = [];

    public void Setup(PingPongShape shape, CompletionSignal done)
    {
        _pairs = new Pair[shape.Pairs];
        for (var i = 0; i < _pairs.Length; i++)
        {
            _pairs[i] = new Pair(new PingTally(shape, done));
        }
    }

    public void Start()
    {
        foreach (var pair in _pairs)
        {
            pair.Ping.Tell(new StartRun());
        }
    }

    public void Dispose()
    {
        foreach (var pair in _pairs)
        {
            BareActors.CompleteAndWait(pair.Ping);
            BareActors.CompleteAndWait(pair.Pong);
        }
    }

    private sealed class Pair
    {
        public Pair(PingTally tally)
        {
            Pong = new ChannelActor<Ping>(ping => Ping!.Tell(new Pong(ping.Sequence)));
            Ping = new ChannelActor<object>(message =>
            {
                if (message is Pong pong)
                {
                    if (tally.OnPong())
                    {
                        Pong.Tell(new Ping(pong.Sequence + tally.InFlight));
                    }
                }
                else if (message is StartRun)
                {
                    for (var i = 0; i < tally.InFlight; i++)
                    {
                        Pong.Tell(new Ping(i));
                    }
                }
            });
        }

        public ChannelActor<object> Ping { get; }

        public ChannelActor<Ping> Pong { get; }
    }
}
