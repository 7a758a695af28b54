using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Bare;

/// <summary>Ping-pong between pairs of <see cref="ActionBlock{TInput}"/>s.</summary>
public sealed class ActionBlockPingPong : IPingPongImplementation
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
            pair.Ping.Post(new StartRun());
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
            Pong = new ActionBlock<Ping>(ping => Ping!.Post(new Pong(ping.Sequence)));
            Ping = new ActionBlock<object>(message =>
            {
                if (message is Pong pong)
                {
                    if (tally.OnPong())
                    {
                        Pong.Post(new Ping(pong.Sequence + tally.InFlight));
                    }
                }
                else if (message is StartRun)
                {
                    for (var i = 0; i < tally.InFlight; i++)
                    {
                        Pong.Post(new Ping(i));
                    }
                }
            });
        }

        public ActionBlock<object> Ping { get; }

        public ActionBlock<Ping> Pong { get; }
    }
}
