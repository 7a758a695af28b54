using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Runtime;

namespace TaskTonic.Dataflow.Benchmarks.Partitioning;

/// <summary>
/// Issue 13: keyed throughput over a catalyst pool of 1, 2 and 4 catalysts (1,024 keys, one producer thread calling
/// <c>partition.For(key).Count(...)</c>, about a microsecond of work per message). Scaling efficiency = mean(1) / mean(N) / N.
/// </summary>
public class KeyedThroughputBenchmarks
{
    private const int Keys = 1_024;
    private RuntimeHost? _host;
    private PartitionHost? _partition;

    [Params(1, 2, 4)]
    public int Catalysts { get; set; }

    /// <summary>Messages per invocation: 1,000,000 (10,000 in quick mode).</summary>
    public static int Messages => BenchmarkSize.IsQuick ? 10 * Keys : 1_000 * Keys;

    [GlobalSetup]
    public void Setup()
    {
        _host = new RuntimeHost();
        _partition = PartitionHost.Create(_host, Catalysts);
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(OperationsPerInvoke = 1)]
    public void KeyedMessages()
    {
        var perKey = Messages / Keys;
        using var done = new CountdownEvent(Keys);
        var round = new Round(perKey, done);
        var counters = _partition!.Counters!;
        for (var i = 0; i < perKey; i++)
        {
            for (var key = 0; key < Keys; key++)
            {
                counters.For(key).Count(round);
            }
        }

        done.Wait();
    }
}
