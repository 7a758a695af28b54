using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using TaskTonic.Dataflow.DeadLetters;

namespace TaskTonic.Dataflow.Telemetry;

/// <summary>
/// The live catalysts the observable instruments read, held weakly (a catalyst registers itself once, when it is
/// created; nothing is done per work order). Ledgers are found through their catalysts.
/// </summary>
internal static class TelemetryRegistry
{
    private static readonly ConditionalWeakTable<Catalyst, object?> s_catalysts = new();
    private static readonly string[] s_reasons = Enum.GetNames<DeadLetterReason>();

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
    public static IEnumerable<Measurement<long>> PerFormula(Func<Ledger, long> read) =>
        Ledgers()
            .GroupBy(l => l.Settings.ProjectName, StringComparer.Ordinal)
            .Select(g => new Measurement<long>(g.Sum(read), new KeyValuePair<string, object?>(TonicTelemetry.FormulaTag, g.Key)))
            .ToList();

    /// <summary>One measurement per formula name and dead-letter reason that occurred, summed over the ledgers of live catalysts.</summary>
    public static IEnumerable<Measurement<long>> DeadLetters()
    {
        var measurements = new List<Measurement<long>>();
        foreach (var formula in Ledgers().GroupBy(l => l.Settings.ProjectName, StringComparer.Ordinal))
        {
            for (var reason = 0; reason < s_reasons.Length; reason++)
            {
                var count = formula.Sum(l => l.DeadLetters.CountOf((DeadLetterReason)reason));
                if (count > 0)
                {
                    measurements.Add(new Measurement<long>(count,
                        new KeyValuePair<string, object?>(TonicTelemetry.FormulaTag, formula.Key),
                        new KeyValuePair<string, object?>(TonicTelemetry.ReasonTag, s_reasons[reason])));
                }
            }
        }

        return measurements;
    }

    private static HashSet<Ledger> Ledgers()
    {
        var ledgers = new HashSet<Ledger>(ReferenceEqualityComparer.Instance);
        foreach (var (catalyst, _) in s_catalysts)
        {
            ledgers.Add(catalyst.Ledger);
        }

        return ledgers;
    }
}
