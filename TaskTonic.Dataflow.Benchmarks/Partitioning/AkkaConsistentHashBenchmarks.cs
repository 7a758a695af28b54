using Akka.Actor;
using Akka.Routing;
using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;

namespace TaskTonic.Dataflow.Benchmarks.Partitioning;

/// <summary>
/// The Akka.NET counterpart of <see cref="KeyedThroughputBenchmarks"/>: a <c>ConsistentHashingPool</c> of 1, 2 or 4
/// routees on the default dispatcher, the same 1,024 keys, the same work per message and the same per-key completion.
/// (Akka hashes keys to routees; each routee keeps a counter per key, where TaskTonic has one tonic per key.)
/// </summary>
public class AkkaConsistentHashBenchmarks
{
    private const int Keys = 1_024;
    private ActorSystem? _system;
    private IActorRef? _router;

    [Params(1, 2, 4)]
    public int Routees { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = AkkaNetSystem.Create("keyed");
        _router = _system.ActorOf(Props.Create(() => new KeyedRoutee()).WithRouter(new ConsistentHashingPool(Routees)));
    }

    [GlobalCleanup]
    public void Cleanup() => AkkaNetSystem.Terminate(_system);

    [Benchmark]
    public void KeyedMessages()
    {
        var perKey = KeyedThroughputBenchmarks.Messages / Keys;
        using var done = new CountdownEvent(Keys);
        var round = new Round(perKey, done);
        for (var i = 0; i < perKey; i++)
        {
            for (var key = 0; key < Keys; key++)
            {
                _router!.Tell(new KeyedWork(key, round));
            }
        }

        done.Wait();
    }

    private sealed record KeyedWork(int Key, Round Round) : IConsistentHashable
    {
        public object ConsistentHashKey => Key;
    }

    private sealed class KeyedRoutee : ReceiveActor
    {
        private readonly Dictionary<int, int> _seen = [];
        private double _sink;

        public KeyedRoutee()
        {
            Receive<KeyedWork>(work =>
            {
                var x = _sink;
                for (var i = 1; i <= KeyedCounter.WorkPerMessage; i++)
                {
                    x += Math.Sqrt(i + x);
                }

                _sink = x;
                var seen = _seen.GetValueOrDefault(work.Key) + 1;
                if (seen == work.Round.PerKey)
                {
                    seen = 0;
                    work.Round.Done.Signal();
                }

                _seen[work.Key] = seen;
            });
        }
    }
}
