using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Reporting;

/// <summary>
/// Writes <c>BenchmarkDotNet.Artifacts/results-summary.md</c>: one table per scenario (and parameter case) with
/// time and allocation per operation and the ratios to the bare ActionBlock and to the better of Akka.NET and Proto.Actor.
/// </summary>
internal static class MarkdownSummary
{
    /// <summary>The file name, written next to BenchmarkDotNet's <c>results</c> folder.</summary>
    public const string FileName = "results-summary.md";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the summary of <paramref name="summaries"/>; returns its path, or null when nothing ran.</summary>
    public static string? Write(IReadOnlyList<Summary> summaries, string mode, TimeSpan wallTime, string loadBefore)
    {
        var ran = summaries.Where(s => s.Reports.Length > 0).ToList();
        if (ran.Count == 0)
        {
            return null;
        }

        var artifacts = Path.GetDirectoryName(Path.GetFullPath(ran[0].ResultsDirectoryPath)) ?? Directory.GetCurrentDirectory();
        var path = Path.Combine(artifacts, FileName);
        File.WriteAllText(path, Render(ran, mode, wallTime, loadBefore));
        return path;
    }

    /// <summary>The markdown text of the summary.</summary>
    public static string Render(IReadOnlyList<Summary> summaries, string mode, TimeSpan wallTime, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine("# TaskTonic.Dataflow benchmark results");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var line in MachineInfo.Describe())
        {
            text.AppendLine(line);
        }

        text.AppendLine(Invariant, $"- Mode: {mode}");
        text.AppendLine(Invariant, $"- Wall time of the whole run: {wallTime.TotalSeconds:F0} s");
        text.AppendLine(Invariant, $"- Load average (1 / 5 / 15 min) before the run: {loadBefore}; after: {MachineInfo.LoadAverage()}. On a {Environment.ProcessorCount}-core box, a value well above 1 before the run means other work competed with it.");
        text.AppendLine();
        text.AppendLine("Times are BenchmarkDotNet means per operation (`OperationsPerInvoke` = the operations of one invocation). " +
            "Ratios are time ratios: below 1 is faster than the reference. \"Best peer\" is the faster of Akka.NET and Proto.Actor in the same table.");

        foreach (var summary in summaries)
        {
            // Peer-comparison scenario tables only; other benchmark classes (runtime, timers, Distiller, supervision) keep
            // BenchmarkDotNet's own table even where they borrow a scenario's sizes.
            var scenarioReports = summary.Reports.Where(r =>
                IsPeerComparison(r.BenchmarkCase.Descriptor.Type) &&
                r.BenchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ScenarioBenchmarkAttribute>() is not null);
            foreach (var group in scenarioReports.GroupBy(r => r.BenchmarkCase.Parameters.DisplayInfo))
            {
                AppendTable(text, group.ToList());
            }
        }

        ScalingSummary.Append(text, summaries);
        return text.ToString();
    }

    private static bool IsPeerComparison(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ScenarioBenchmarks<>))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendTable(StringBuilder text, List<BenchmarkReport> reports)
    {
        var first = reports[0].BenchmarkCase;
        var scenario = ScenarioOf(first);
        var unit = BenchmarkSize.Unit(scenario);
        var parameters = first.Parameters.DisplayInfo.Trim('[', ']');

        text.AppendLine();
        text.AppendLine(Invariant, $"## {ScenarioTitles.Title(scenario)}{(parameters.Length > 0 ? $" ({parameters})" : string.Empty)}");
        text.AppendLine();
        text.AppendLine(Invariant, $"Per invocation: {ScenarioTitles.Size(scenario)}; per {unit} below.");
        text.AppendLine();
        text.AppendLine(Invariant, $"| Implementation | ns/{unit} | {unit}s/s | allocated B/{unit} | ratio to bare ActionBlock | ratio to best peer |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");

        var means = reports.ToDictionary(KeyOf, r => r.ResultStatistics?.Mean);
        var baseline = means.GetValueOrDefault(Implementations.Baseline);
        var bestPeer = Implementations.Peers
            .Select(p => means.GetValueOrDefault(p))
            .Where(m => m is not null)
            .Min();

        foreach (var report in reports.OrderBy(r => Implementations.SortKey(KeyOf(r))))
        {
            var mean = report.ResultStatistics?.Mean;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            text.AppendLine(Invariant, $"| {Implementations.Display(KeyOf(report))} | {Nanoseconds(mean)} | {Rate(mean)} | {Bytes(allocated)} | {Ratio(mean, baseline)} | {Ratio(mean, bestPeer)} |");
        }
    }

    private static string KeyOf(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethod.Name;

    private static Scenario ScenarioOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ScenarioBenchmarkAttribute>()?.Scenario
        ?? throw new InvalidOperationException($"{benchmarkCase.Descriptor.DisplayInfo} has no [ScenarioBenchmark] attribute.");

    private static string Nanoseconds(double? mean) => mean is { } ns ? ns.ToString(ns < 100 ? "F1" : "N0", Invariant) : "failed";

    private static string Rate(double? mean)
    {
        if (mean is not { } ns || ns <= 0)
        {
            return "–";
        }

        var perSecond = 1e9 / ns;
        return perSecond >= 1e6
            ? (perSecond / 1e6).ToString("F2", Invariant) + " M"
            : (perSecond / 1e3).ToString("F1", Invariant) + " k";
    }

    private static string Bytes(long? bytes) => bytes is { } b ? b.ToString("N0", Invariant) : "–";

    private static string Ratio(double? value, double? reference) =>
        value is { } v && reference is { } r && r > 0 ? (v / r).ToString("F2", Invariant) : "–";
}
