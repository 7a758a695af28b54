using System.Diagnostics;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Ours;
using TaskTonic.Dataflow.Benchmarks.Peers.Akka;
using TaskTonic.Dataflow.Benchmarks.Peers.Bare;
using TaskTonic.Dataflow.Benchmarks.Peers.Proto;
using TaskTonic.Dataflow.Benchmarks.Reporting;
using TaskTonic.Dataflow.Benchmarks.Scenarios.Pipeline;

namespace TaskTonic.Dataflow.Benchmarks.Lab;

/// <summary>The 4-stage pipeline of <see cref="PipelineBenchmarks"/>, implementations interleaved round by round in one process.</summary>
internal static class PipelineLab
{
    public static void Run(int items, int rounds)
    {
        (string Name, Func<IPipelineImplementation> Create)[] variants =
        [
            ("bare linked Dataflow", () => new DataflowPipeline()),
            ("Akka.NET", () => new AkkaNetPipeline()),
            ("Proto.Actor", () => new ProtoActorPipeline()),
            ("ours (4 catalysts)", () => new TaskTonicPipeline()),
        ];
        var results = variants.ToDictionary(v => v.Name, _ => new List<(double Ns, double Bytes)>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, create) in variants)
            {
                var done = new CompletionSignal();
                using var implementation = create();
                implementation.Setup(PipelineBenchmarks.Stages, items, done);
                done.Reset();
                implementation.Start(items);
                done.Wait();
                GC.Collect();
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                done.Reset();
                implementation.Start(items);
                done.Wait();
                var elapsed = clock.Elapsed;
                bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
                results[name].Add((elapsed.TotalNanoseconds / items, (double)bytes / items));
            }
        }

        Console.WriteLine($"\npipeline of {PipelineBenchmarks.Stages} stages, {items:N0} items per run, {rounds} rounds (load {MachineInfo.LoadAverage()})");
        Console.WriteLine("| implementation | ns/item median | B/item median | ns/item per round |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var (name, _) in variants)
        {
            var r = results[name];
            var ns = r.Select(x => x.Ns).Order().ToArray();
            var b = r.Select(x => x.Bytes).Order().ToArray();
            Console.WriteLine($"| {name} | {ns[ns.Length / 2]:0} | {b[b.Length / 2]:0} | {string.Join(" / ", r.Select(x => ((int)x.Ns).ToString(System.Globalization.CultureInfo.InvariantCulture)))} |");
        }
    }
}
