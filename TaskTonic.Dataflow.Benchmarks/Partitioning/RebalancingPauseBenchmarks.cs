using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Runtime;

namespace TaskTonic.Dataflow.Benchmarks.Partitioning;

/// <summary>
/// Issue 13: the rebalancing pause. With 1,024 live keys on 2 catalysts, <see cref="GrowAndShrink"/> grows the pool to 3
/// (about a third of the keys move), sends one message to every key, waits until all ran, and shrinks back to 2 (those
/// keys move back), again with one message per key. <see cref="Baseline"/> sends the same two rounds without resizing:
/// the difference is the cost of the two rebalancings.
/// </summary>
public class RebalancingPauseBenchmarks
{
    private const int Keys = 1_024;
    private RuntimeHost? _host;
    private PartitionHost? _partition;

    [GlobalSetup]
    public void Setup()
    {
        _host = new RuntimeHost();
        _partition = PartitionHost.Create(_host, 2);
        Touch();
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(Baseline = true)]
    public void Baseline()
    {
        Touch();
        Touch();
    }

    [Benchmark]
    public void GrowAndShrink()
    {
        _partition!.Pool!.Resize(3);
        Touch();
        _partition.Pool.Resize(2);
        Touch();
    }

    private void Touch()
    {
        using var done = new CountdownEvent(Keys);
        var round = new Round(1, done);
        for (var key = 0; key < Keys; key++)
        {
            _partition!.Counters!.For(key).Count(round);
        }

        done.Wait();
    }
}
