using BenchmarkDotNet.Attributes;

namespace TaskTonic.Dataflow.Benchmarks.Runtime;

/// <summary>
/// Issue 3: a CPU-bound workload (64 jobs of 200,000 square roots) over 1 and 2 catalysts on the 2-core machine.
/// The ratio of the two means is the speed-up (target ≥ 1.7×).
/// </summary>
public class CatalystScalingBenchmarks
{
    private const int Jobs = 64;
    private const int Iterations = 200_000;
    private RuntimeHost? _host;
    private Cruncher[] _oneCatalyst = [];
    private Cruncher[] _twoCatalysts = [];

    [GlobalSetup]
    public void Setup()
    {
        _host = new RuntimeHost();
        _oneCatalyst = Enumerable.Range(0, 2).Select(_ => _host.Spawn(() => new Cruncher(new Catalyst()))).ToArray();
        var shared = _oneCatalyst[0].Catalyst;
        _oneCatalyst = [_oneCatalyst[0], _host.Spawn(() => new Cruncher(shared))];
        _twoCatalysts = Enumerable.Range(0, 2).Select(_ => _host.Spawn(() => new Cruncher(new Catalyst()))).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(Baseline = true)]
    public void OneCatalyst() => Run(_oneCatalyst);

    [Benchmark]
    public void TwoCatalysts() => Run(_twoCatalysts);

    private static void Run(Cruncher[] crunchers)
    {
        using var done = new CountdownEvent(Jobs);
        for (var i = 0; i < Jobs; i++)
        {
            crunchers[i % crunchers.Length].Crunch(Iterations, done);
        }

        done.Wait();
    }
}
