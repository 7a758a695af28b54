using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace TaskTonic.Dataflow.Telemetry;

/// <summary>
/// The live catalysts the observable instruments read, held weakly (a catalyst registers itself once, when it is
/// created; nothing is done per work order). Ledgers are found through their catalysts.
/// </summary>
internal static class TelemetryRegistry
{
    private static readonly ConditionalWeakTable<Catalyst, object?> s_catalysts = new();

    public static void Track(Catalyst catalyst) => s_catalysts.AddOrUpdate(catalyst, null);

    public static IEnumerable<Measurement<int>> QueueLengths()
    {
        foreach (var (catalyst, _) in s_catalysts)
        {
            if (!catalyst.IsCompleted)
            {
                yield return new Measurement<int>(catalyst.QueuedWorkOrders,
                    new KeyValuePair<string, object?>(TonicTelemetry.CatalystTag, catalyst.Name),
                    new KeyValuePair<string, object?>(TonicTelemetry.FormulaTag, catalyst.Ledger.Settings.ProjectName));
            }
        }
    }

    public static IEnumerable<Measurement<long>> Executed()
    {
        foreach (var (catalyst, _) in s_catalysts)
        {
            yield return new Measurement<long>(catalyst.ExecutedWorkOrders,
                new KeyValuePair<string, object?>(TonicTelemetry.CatalystTag, catalyst.Name),
                new KeyValuePair<string, object?>(TonicTelemetry.FormulaTag, catalyst.Ledger.Settings.ProjectName));
        }
    }

    /// <summary>One measurement per formula name: <paramref name="read"/> summed over the ledgers of live catalysts.</summary>
    public static IEnumerable<Measurement<long>> PerFormula(Func<Ledger, long> read)
    {
        var ledgers = new HashSet<Ledger>(ReferenceEqualityComparer.Instance);
        foreach (var (catalyst, _) in s_catalysts)
        {
            ledgers.Add(catalyst.Ledger);
        }

        return ledgers
            .GroupBy(l => l.Settings.ProjectName, StringComparer.Ordinal)
            .Select(g => new Measurement<long>(g.Sum(read), new KeyValuePair<string, object?>(TonicTelemetry.FormulaTag, g.Key)))
            .ToList();
    }
}
