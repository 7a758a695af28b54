using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Supervision;

namespace TaskTonic.Dataflow.Benchmarks.Supervision;

/// <summary>
/// Issue 6. The cost of supervision: failures handled per second on the restart path (and on the resume path for
/// comparison); the time from a failure to the restarted tonic's first sparkle; and the normal path (chain and one-way
/// flood) with a restart policy configured versus none, which should show no measurable difference.
/// </summary>
/// <remarks>
/// Every benchmark reports nanoseconds per operation (<c>OperationsPerInvoke</c>): per failure, per failure-to-first-sparkle
/// cycle, per chain link, per flooded sparkle. Failures per second = 10⁹ ÷ the mean of <see cref="RestartPath"/>.
/// </remarks>
[MemoryDiagnoser]
public partial class SupervisionBenchmarks
{
    private const int Links = 1_000_000;
    private const int Failures = 20_000;
    private const int Cycles = 5_000;

    private static readonly SupervisionPolicy s_restart = SupervisionPolicy.Restart(new RestartOptions { MaxRestarts = null });
    private static readonly SupervisionPolicy s_resume = SupervisionPolicy.Resume;

    private readonly CompletionSignal _done = new();
    private Formula? _formula;
    private Task? _run;
    private Runner? _plain;
    private Runner? _supervised;
    private Runner? _restarting;
    private Runner? _resuming;
    private Cycler? _cycler;

    [GlobalSetup]
    public void Setup()
    {
        _formula = new Formula(new FormulaOptions
        {
            ProjectName = "supervision benchmarks",
            DefaultLogMode = LogMode.Stealth,
            // The injected failures are the workload: logging 90,000 stack traces would be the benchmark.
            LoggerFactory = NullLoggerFactory.Instance,
        });
        Anchor? anchor = null;
        _formula.AddStartingTonic(() => anchor = new Anchor());
        _run = _formula.RunAsync();
        var supervision = _formula.Ledger.Supervision;
        _plain = _formula.Spawn(() => new Runner(_done), anchor);
        _supervised = supervision.Spawn(() => new Runner(_done), s_restart, anchor);
        _restarting = supervision.Spawn(() => new Runner(_done), s_restart, anchor);
        _resuming = supervision.Spawn(() => new Runner(_done), s_resume, anchor);
        var stats = new CycleStats();
        _cycler = supervision.Spawn(() => new Cycler(_done, stats), s_restart, anchor);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_cycler is { } cycler && ((Cycler)cycler.Incarnation).Stats is { Count: > 0 } stats)
        {
            Console.WriteLine($"// failure → first sparkle of the restarted tonic, measured inside: {stats.Mean.TotalMicroseconds:0.00} µs over {stats.Count} restarts");
        }

        _formula?.Ledger.Shutdown();
        _run?.Wait(CompletionSignal.Watchdog);
    }

    /// <summary>The chain (each sparkle queues the next on the same tonic) on a tonic created without supervision.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Links)]
    [BenchmarkCategory("Chain")]
    public void ChainPlain() => Chain(_plain!);

    /// <summary>The same chain on a tonic created with a restart policy (a factory captured, a supervisor declared).</summary>
    [Benchmark(OperationsPerInvoke = Links)]
    [BenchmarkCategory("Chain")]
    public void ChainSupervised() => Chain(_supervised!);

    /// <summary>One-way flood from the benchmark thread into a tonic created without supervision.</summary>
    [Benchmark(OperationsPerInvoke = Links)]
    [BenchmarkCategory("Flood")]
    public void FloodPlain() => Flood(_plain!);

    /// <summary>The same flood into a supervised tonic.</summary>
    [Benchmark(OperationsPerInvoke = Links)]
    [BenchmarkCategory("Flood")]
    public void FloodSupervised() => Flood(_supervised!);

    /// <summary>Every work order fails and the tonic is restarted (zero backoff): time per handled failure.</summary>
    [Benchmark(OperationsPerInvoke = Failures)]
    [BenchmarkCategory("Failures")]
    public void RestartPath() => Fail(_restarting!);

    /// <summary>Every work order fails and the tonic resumes: time per handled failure, for comparison.</summary>
    [Benchmark(OperationsPerInvoke = Failures)]
    [BenchmarkCategory("Failures")]
    public void ResumePath() => Fail(_resuming!);

    /// <summary>
    /// A cycle: a sparkle fails, the tonic is restarted, and the restarted tonic's first sparkle runs (and starts the next
    /// cycle). Time per cycle ≈ time from a failure to the restarted tonic's first sparkle.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Cycles)]
    [BenchmarkCategory("Failures")]
    public void FailureToFirstSparkle()
    {
        _done.Reset();
        _cycler!.Cycle(Cycles);
        _done.Wait();
    }

    private void Chain(Runner runner)
    {
        _done.Reset();
        runner.Link(Links);
        _done.Wait();
    }

    private void Flood(Runner runner)
    {
        _done.Reset();
        for (var i = Links; i > 0; i--)
        {
            runner.Count(i);
        }

        _done.Wait();
    }

    private void Fail(Runner runner)
    {
        _done.Reset();
        for (var i = 0; i < Failures; i++)
        {
            runner.Boom();
        }

        runner.Count(1);
        _done.Wait();
    }

    /// <summary>Measures failure → first sparkle inside the runtime.</summary>
    private sealed class CycleStats
    {
        private long _ticks;

        /// <summary>When the last injected failure was thrown, or 0.</summary>
        public long FailedAt { get; set; }

        public int Count { get; private set; }

        public TimeSpan Mean => Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, _ticks / Count);

        public void Add(long started)
        {
            _ticks += Stopwatch.GetTimestamp() - started;
            Count++;
        }
    }

    private sealed partial class Anchor : Tonic
    {
        private void ttse__on_start()
        {
        }
    }

    private sealed partial class Runner(CompletionSignal done) : Tonic
    {
        private void ttsc__link(int left)
        {
            if (left == 1)
            {
                done.Signal();
            }
            else
            {
                Link(left - 1);
            }
        }

        private void ttsc__count(int left)
        {
            if (left == 1)
            {
                done.Signal();
            }
        }

        private void ttsc__boom() => throw new InvalidOperationException("injected failure");
    }

    private sealed partial class Cycler(CompletionSignal done, CycleStats stats) : Tonic
    {
        public CycleStats Stats => stats;

        private void ttsc__cycle(int left)
        {
            if (stats.FailedAt != 0)
            {
                stats.Add(stats.FailedAt);
                stats.FailedAt = 0;
            }

            if (left == 0)
            {
                done.Signal();
                return;
            }

            Cycle(left - 1);
            stats.FailedAt = Stopwatch.GetTimestamp();
            throw new InvalidOperationException("injected failure");
        }
    }
}
