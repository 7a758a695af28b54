namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// Places trace entries on a Chrome timeline: lanes by catalyst (in order of first appearance, from 1), and slices at
/// virtual time in microseconds, each at least 1 µs long, after the previous one, with hooks nested in their work order.
/// </summary>
internal sealed class ChromeLayout
{
    private ChromeLayout(int count)
    {
        Start = new long[count];
        Duration = new long[count];
    }

    public Dictionary<string, int> Lanes { get; } = new(StringComparer.Ordinal);

    public long[] Start { get; }

    public long[] Duration { get; }

    public static ChromeLayout Compute(IReadOnlyList<SparkleTrace> entries)
    {
        var layout = new ChromeLayout(entries.Count);
        foreach (var entry in entries)
        {
            layout.Lanes.TryAdd(entry.CatalystName, layout.Lanes.Count + 1);
        }

        if (entries.Count == 0)
        {
            return layout;
        }

        var origin = entries[0].EnteredAt;
        var cursor = 0L;
        var i = 0;
        while (i < entries.Count)
        {
            var at = Math.Max(Micros(entries[i].EnteredAt - origin), cursor);
            i = layout.Place(entries, i, at, out cursor);
        }

        return layout;
    }

    private static long Micros(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>Places entry <paramref name="i"/> and its nested entries; returns the index after them.</summary>
    private int Place(IReadOnlyList<SparkleTrace> entries, int i, long start, out long end)
    {
        Start[i] = start;
        var cursor = start + 1;
        var next = i + 1;
        while (next < entries.Count && entries[next].Depth > entries[i].Depth)
        {
            next = Place(entries, next, cursor, out cursor);
        }

        end = Math.Max(cursor, start + Math.Max(1, Micros(entries[i].ExitedAt - entries[i].EnteredAt)));
        Duration[i] = end - start;
        return next;
    }
}
