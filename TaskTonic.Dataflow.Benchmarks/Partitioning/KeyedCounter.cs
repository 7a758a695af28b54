using TaskTonic.Dataflow.Partitioning;

namespace TaskTonic.Dataflow.Benchmarks.Partitioning;

/// <summary>A keyed tonic doing a little CPU work per message and signalling once it has seen its share.</summary>
public sealed partial class KeyedCounter : Tonic
{
    private int _seen;
    private double _sink;

    public KeyedCounter(TonicOptions options)
        : base(options)
    {
    }

    /// <summary>Square roots per message: about a microsecond of work, so the catalysts, not the producer, are the limit.</summary>
    public static int WorkPerMessage { get; set; } = 200;

    public Round? Current { get; set; }

    private void ttsc__count(Round round)
    {
        var x = _sink;
        for (var i = 1; i <= WorkPerMessage; i++)
        {
            x += Math.Sqrt(i + x);
        }

        _sink = x;
        if (++_seen == round.PerKey)
        {
            _seen = 0;
            round.Done.Signal();
        }
    }
}

/// <summary>One measured round: each key signals <see cref="Done"/> after <see cref="PerKey"/> messages.</summary>
[PassByReference]
public sealed record Round(int PerKey, CountdownEvent Done);

/// <summary>A host with a pool and a partition of <see cref="KeyedCounter"/>s.</summary>
public sealed partial class PartitionHost : Tonic
{
    private readonly int _size;

    public PartitionHost(int size) => _size = size;

    public CatalystPool? Pool { get; private set; }

    public Partition<int, KeyedCounter>? Counters { get; private set; }

    public static PartitionHost Create(Runtime.RuntimeHost host, int size)
    {
        var created = host.Spawn(() => new PartitionHost(size));
        while (created.Counters is null)
        {
            Thread.Yield();
        }

        return created;
    }

    private void ttse__on_start()
    {
        Pool = new CatalystPool(new CatalystPoolOptions { Size = _size });
        Counters = new Partition<int, KeyedCounter>(Pool, (_, options) => new KeyedCounter(options));
    }
}
