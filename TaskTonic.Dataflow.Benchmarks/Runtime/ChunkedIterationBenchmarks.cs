using BenchmarkDotNet.Attributes;

namespace TaskTonic.Dataflow.Benchmarks.Runtime;

/// <summary>Issue 3: the per-item overhead of a chunked iteration (chunks of 5,000 re-posted as sparkles) against a plain loop.</summary>
[MemoryDiagnoser]
public class ChunkedIterationBenchmarks
{
    private const int Items = 1_000_000;
    private RuntimeHost? _host;
    private ChunkRunner? _runner;
    private long _sum;

    [GlobalSetup]
    public void Setup()
    {
        _host = new RuntimeHost();
        _runner = _host.Spawn(() => new ChunkRunner());
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public long PlainLoop()
    {
        foreach (var i in Enumerable.Range(0, Items))
        {
            _sum += i;
        }

        return _sum;
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public void Chunked()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _runner!.Iterate(Items, 5_000, done);
        done.Task.Wait();
    }
}
