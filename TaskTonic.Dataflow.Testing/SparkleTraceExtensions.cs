using System.Globalization;
using System.Text;

namespace TaskTonic.Dataflow.Testing;

/// <summary>Queries and assertions over a trace (<see cref="Distiller.Trace"/>, <see cref="DistillerResult.Trace"/>) that read well in tests.</summary>
public static class SparkleTraceExtensions
{
    /// <summary>The sparkle that took the longest wall-clock time, or null for an empty trace.</summary>
    public static SparkleTrace? LongestSparkle(this IEnumerable<SparkleTrace> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return trace.MaxBy(t => t.WallDuration);
    }

    /// <summary>The names of the work orders (depth 0: sparkles and runtime work, not hooks) that <paramref name="tonicName"/> ran, in order.</summary>
    public static IReadOnlyList<string> WorkOrdersOf(this IEnumerable<SparkleTrace> trace, string tonicName)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(tonicName);
        return [.. trace.Where(t => t.Depth == 0 && t.TonicName == tonicName).Select(t => t.Sparkle)];
    }

    /// <summary>One <see cref="SparkleTrace.ToCanonicalString"/> per entry: compare two runs with these.</summary>
    public static IReadOnlyList<string> ToCanonicalStrings(this IEnumerable<SparkleTrace> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return [.. trace.Select(t => t.ToCanonicalString())];
    }

    /// <summary>
    /// Fails unless a sparkle named <paramref name="first"/> ran, one named <paramref name="then"/> ran, and the first
    /// <paramref name="first"/> ran before the first <paramref name="then"/>. Names are TaskTonic or entry point names.
    /// </summary>
    /// <exception cref="DistillerAssertionException">The order does not hold.</exception>
    public static void AssertRanBefore(this IEnumerable<SparkleTrace> trace, string first, string then)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(then);
        var entries = trace as IReadOnlyList<SparkleTrace> ?? [.. trace];
        var a = FirstNamed(entries, first);
        var b = FirstNamed(entries, then);
        if (a is not null && b is not null && a.Index < b.Index)
        {
            return;
        }

        var message = (a, b) switch
        {
            (null, null) => $"Expected {first} to run before {then}, but neither ran ({entries.Count} sparkles traced).",
            (null, _) => $"Expected {first} to run before {then}, but {first} never ran; {then} ran at {b}.",
            (_, null) => $"Expected {first} to run before {then}, but {then} never ran; {first} ran at {a}.",
            _ => $"Expected {first} to run before {then}, but {then} ran first:{Environment.NewLine}  {b}{Environment.NewLine}  {a}",
        };
        throw new DistillerAssertionException(message);
    }

    /// <summary>
    /// The "giant sparkle" check: fails when any sparkle's <see cref="SparkleTrace.WallDuration"/> exceeds
    /// <paramref name="budget"/>, listing the offenders, longest first.
    /// </summary>
    /// <exception cref="DistillerAssertionException">A sparkle took longer than the budget.</exception>
    public static void AssertNoSparkleLongerThan(this IEnumerable<SparkleTrace> trace, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var offenders = trace.Where(t => t.WallDuration > budget).OrderByDescending(t => t.WallDuration).ToList();
        if (offenders.Count == 0)
        {
            return;
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"{offenders.Count} sparkle(s) took longer than {budget.TotalMilliseconds:0.###} ms:");
        foreach (var entry in offenders.Take(10))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {entry.WallDuration.TotalMilliseconds:0.###} ms  {entry}");
        }

        throw new DistillerAssertionException(text.ToString());
    }

    private static SparkleTrace? FirstNamed(IReadOnlyList<SparkleTrace> trace, string name)
    {
        foreach (var entry in trace)
        {
            if (entry.IsNamed(name))
            {
                return entry;
            }
        }

        return null;
    }
}
