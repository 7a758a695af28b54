using BenchmarkDotNet.Attributes;

namespace TaskTonic.Dataflow.Benchmarks.Runtime;

/// <summary>
/// Issue 3: ping-pong between two tonics on two catalysts, with an immutable argument (passed by reference) and with a
/// mutable one (a 16-element list, copied with MessagePack on every crossing). Results per message.
/// </summary>
[MemoryDiagnoser]
public class CrossCatalystPingPongBenchmarks
{
    private const int Messages = 100_000;
    private static readonly Reading s_reading = new(1, 21.5);
    private static readonly List<int> s_samples = [.. Enumerable.Range(0, 16)];
    private RuntimeHost? _host;
    private Bouncer? _left;
    private Bouncer? _right;

    [GlobalSetup]
    public void Setup()
    {
        _host = new RuntimeHost();
        Catalyst? east = null;
        _left = _host.Spawn(() =>
        {
            east = new Catalyst(new CatalystOptions { Name = "east" });
            return new Bouncer(new Catalyst(new CatalystOptions { Name = "west" }));
        });
        _right = _host.Spawn(() => new Bouncer(east!));
    }

    [GlobalCleanup]
    public void Cleanup() => _host?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void Immutable() => Run(() => _left!.BounceImmutable(s_reading));

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Copied() => Run(() => _left!.BounceCopied(s_samples));

    private void Run(Action kickOff)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _left!.Prepare(_right!, Messages / 2, done);
        _right!.Prepare(_left, Messages / 2, done);
        kickOff();
        done.Task.Wait();
    }
}
