using System.Diagnostics;
using BenchmarkDotNet.Running;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Memory;
using TaskTonic.Dataflow.Benchmarks.Reporting;

// dotnet run -c Release -- [--quick | --dry | --isolated] [--memory | --timers | --partition-memory | --tcp-memory | --orleans [--workstation-gc] | --latency-lab] [--skynet-million] [BenchmarkDotNet arguments, e.g. --filter '*Flood*']
var arguments = args.ToList();
var quick = arguments.Remove("--quick");
var dry = arguments.Remove("--dry");
var isolated = arguments.Remove("--isolated");
var memory = arguments.Remove("--memory");
var timers = arguments.Remove("--timers");
var partitionMemory = arguments.Remove("--partition-memory");
if (arguments.Remove("--skynet-million"))
{
    BenchmarkSize.UseSkyNetMillion();
}
if ((quick ? 1 : 0) + (dry ? 1 : 0) + (isolated ? 1 : 0) > 1)
{
    Console.Error.WriteLine("Choose at most one of --quick, --dry and --isolated.");
    return 2;
}

if (quick)
{
    BenchmarkSize.UseQuickSizes();
}

var mode = BenchmarkJobs.Describe(quick, dry, isolated);
if (timers)
{
    // Issue 4: 10,000 tonics on 10 ms repeat timers across 2 catalysts for 10 s (real clock): lateness and memory.
    var tonics = quick ? 1_000 : 10_000;
    var duration = quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
    Console.WriteLine(await TaskTonic.Dataflow.Benchmarks.Timers.TimerLatenessBenchmark.RunAsync(tonics, TimeSpan.FromMilliseconds(10), duration));
    return 0;
}

if (arguments.Remove("--orleans"))
{
    // Issue 18: keyed messages in process vs our Orleans partition vs plain grains, 1 and 3 in-process silos.
    // Silos run best under server GC (Orleans' configuration guidance), which a running process cannot switch to:
    // the benchmark re-launches itself with it, unless asked for the workstation GC this project runs with.
    if (!arguments.Remove("--workstation-gc") && !System.Runtime.GCSettings.IsServerGC)
    {
        return await ServerGc.RelaunchAsync(args);
    }

    return await TaskTonic.Dataflow.Benchmarks.Orleans.OrleansBenchmark.RunAsync(quick);
}

if (arguments.Remove("--latency-lab"))
{
    // Issue 12: cross-catalyst ping-pong variants interleaved in one process (same load for all).
    TaskTonic.Dataflow.Benchmarks.Lab.LatencyLab.Run(quick ? 20_000 : 200_000, rounds: 3);
    TaskTonic.Dataflow.Benchmarks.Lab.PipelineLab.Run(quick ? 10_000 : 200_000, rounds: 3);
    return 0;
}

if (partitionMemory)
{
    // Issue 13: retained heap per idle keyed tonic.
    Console.WriteLine(TaskTonic.Dataflow.Benchmarks.Partitioning.PartitionMemoryReport.Run(quick ? 10_000 : 100_000));
    return 0;
}

if (arguments.Remove("--tcp-memory"))
{
    // Issue 17: retained heap per idle TCP connection, ours vs a bare Socket + Pipelines server.
    Console.WriteLine(TaskTonic.Dataflow.Benchmarks.Networking.TcpIdleMemoryReport.Run(quick ? 100 : 1_000));
    return 0;
}

if (memory)
{
    IdleMemoryReport.Run(quick ? $"quick (sizes ÷ {BenchmarkSize.QuickDivisor})" : "full sizes");
    return 0;
}

var loadBefore = MachineInfo.LoadAverage();
var clock = Stopwatch.StartNew();
var summaries = BenchmarkSwitcher
    .FromAssembly(typeof(BenchmarkSize).Assembly)
    .Run([.. arguments], BenchmarkJobs.Create(BenchmarkJobs.Select(quick, dry, isolated)))
    .ToList();
var path = MarkdownSummary.Write(summaries, mode, clock.Elapsed, loadBefore);
if (path is not null)
{
    Console.WriteLine($"Summary written to {path}");
}

var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
