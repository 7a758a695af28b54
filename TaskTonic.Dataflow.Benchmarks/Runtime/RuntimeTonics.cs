using TaskTonic.Dataflow.Chunks;

namespace TaskTonic.Dataflow.Benchmarks.Runtime;

/// <summary>An immutable payload: passes between catalysts by reference.</summary>
public sealed record Reading(int Sequence, double Value);

/// <summary>One side of a cross-catalyst ping-pong; the generator decides per parameter type whether to copy.</summary>
public sealed partial class Bouncer : Tonic
{
    private Bouncer? _peer;
    private int _remaining;
    private TaskCompletionSource? _done;

    public Bouncer(Catalyst catalyst)
        : base(new TonicOptions { Catalyst = catalyst })
    {
    }

    public void Prepare(Bouncer peer, int exchanges, TaskCompletionSource done)
    {
        _peer = peer;
        _remaining = exchanges;
        _done = done;
    }

    private void ttsc__bounce_immutable(Reading reading)
    {
        if (--_remaining <= 0)
        {
            _done?.TrySetResult();
            return;
        }

        _peer!.BounceImmutable(reading);
    }

    private void ttsc__bounce_copied(List<int> samples)
    {
        if (--_remaining <= 0)
        {
            _done?.TrySetResult();
            return;
        }

        _peer!.BounceCopied(samples);
    }
}

/// <summary>Runs an iteration in chunks re-posted to its own mailbox.</summary>
public sealed partial class ChunkRunner : Tonic
{
    private long _sum;

    public long Sum => _sum;

    private void ttsc__iterate(int items, int chunkSize, TaskCompletionSource done) =>
        ChunkedIteration.Start(Enumerable.Range(0, items), i => _sum += i, new ChunkOptions { ChunkSize = chunkSize }, _ => done.TrySetResult());
}

/// <summary>A CPU-bound job per sparkle.</summary>
public sealed partial class Cruncher : Tonic
{
    private double _sink;

    public Cruncher(Catalyst catalyst)
        : base(new TonicOptions { Catalyst = catalyst })
    {
    }

    public double Sink => _sink;

    private void ttsc__crunch(int iterations, CountdownEvent done)
    {
        var x = 0.0;
        for (var i = 1; i <= iterations; i++)
        {
            x += Math.Sqrt(i);
        }

        _sink += x;
        done.Signal();
    }
}
