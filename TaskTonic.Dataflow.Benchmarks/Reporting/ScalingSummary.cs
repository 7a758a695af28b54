using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using TaskTonic.Dataflow.Benchmarks.Runtime;

namespace TaskTonic.Dataflow.Benchmarks.Reporting;

/// <summary>The 1 → 2 catalyst CPU-scaling line of the summary (issue 12 item 4), when that benchmark ran.</summary>
internal static class ScalingSummary
{
    /// <summary>The speed-up target on an idle 2-core box.</summary>
    public const double Target = 1.7;

    /// <summary>Appends the speed-up of <see cref="CatalystScalingBenchmarks"/> (one catalyst's mean ÷ two catalysts' mean).</summary>
    public static void Append(StringBuilder text, IEnumerable<Summary> summaries)
    {
        var means = summaries.SelectMany(s => s.Reports)
            .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(CatalystScalingBenchmarks))
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => r.ResultStatistics?.Mean);
        if (means.GetValueOrDefault(nameof(CatalystScalingBenchmarks.OneCatalyst)) is not { } one ||
            means.GetValueOrDefault(nameof(CatalystScalingBenchmarks.TwoCatalysts)) is not { } two || two <= 0)
        {
            return;
        }

        var ratio = one / two;
        text.AppendLine();
        text.AppendLine("## CPU scaling, 1 → 2 catalysts");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"64 CPU-bound jobs: one catalyst {one / 1e6:F1} ms, two catalysts {two / 1e6:F1} ms: speed-up **{ratio:F2}×** " +
            $"(target ≥ {Target:F1}× on an idle {Environment.ProcessorCount}-core box: {(ratio >= Target ? "met" : "not met")}; on a loaded box the second core is not free, so read it with the load average above).");
    }
}
