using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>The BenchmarkDotNet jobs of the suite: quick (CI), full, dry (sizing) and isolated (full, out of process).</summary>
internal static class BenchmarkJobs
{
    /// <summary>The least time of one measured iteration in the full job.</summary>
    public static readonly TimeInterval FullIterationTime = TimeInterval.FromMilliseconds(250);

    /// <summary>Quick (CI): <see cref="Job.Dry"/> (one cold invocation per benchmark) in process, with the sizes ÷ <see cref="BenchmarkSize.QuickDivisor"/>.</summary>
    public static Job Quick { get; } = Job.Dry
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithId("Quick");

    /// <summary>
    /// The measurement settings of full and isolated: 2 warm-up and 10 measured iterations. Each iteration lasts
    /// at least <see cref="FullIterationTime"/>: BenchmarkDotNet's pilot stage runs several invocations per iteration
    /// for the fast scenarios (a 1,000,000-message chain takes 25–250 ms here), and one for the slow ones (spawn,
    /// SkyNet). <c>UnrollFactor = 1</c> keeps a 1–2 s invocation from being repeated 16 times per iteration.
    /// </summary>
    private static readonly Job Measured = Job.ShortRun
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(10)
        .WithIterationTime(FullIterationTime)
        .WithUnrollFactor(1);

    /// <summary>Full: <see cref="Measured"/>, in process.</summary>
    public static Job Full { get; } = Measured
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithId("Full");

    /// <summary>Sizing check: <see cref="Job.Dry"/> in process at the full sizes, to see how long one invocation takes.</summary>
    public static Job Dry { get; } = Job.Dry
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithId("Dry");

    /// <summary>
    /// Isolated: <see cref="Measured"/>, each benchmark in its own process (BenchmarkDotNet's default toolchain
    /// builds a child project, ~6–8 s more per benchmark). Keeps the frameworks apart, as reference section 9.3
    /// prefers; only with the full sizes, because the child process does not see <c>--quick</c>.
    /// </summary>
    public static Job Isolated { get; } = Measured.WithId("Isolated");

    /// <summary>The job for the command-line switches: <c>--quick</c>, <c>--dry</c>, <c>--isolated</c>, or none (full).</summary>
    public static Job Select(bool quick, bool dry, bool isolated) => quick ? Quick : dry ? Dry : isolated ? Isolated : Full;

    /// <summary>A human description of the job, for the reports.</summary>
    public static string Describe(bool quick, bool dry, bool isolated) =>
        quick ? $"quick (Job.Dry: 1 cold invocation per benchmark, in process; sizes ÷ {BenchmarkSize.QuickDivisor}). Proves the suite runs; the numbers are not results."
        : dry ? "dry (Job.Dry: 1 cold invocation per benchmark at the full sizes, in process). A sizing check; the numbers are not results."
        : $"full (Throughput strategy, 1 launch, 2 warm-up + 10 measured iterations of at least {FullIterationTime.ToMilliseconds():0} ms, UnrollFactor 1, " +
          (isolated ? "one child process per benchmark)" : "InProcessEmitToolchain)");

    /// <summary>The configuration: BenchmarkDotNet's defaults plus <paramref name="job"/> as the default job.</summary>
    public static IConfig Create(Job job) => DefaultConfig.Instance.AddJob(job.AsDefault());
}
