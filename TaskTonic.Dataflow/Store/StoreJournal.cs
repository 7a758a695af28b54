namespace TaskTonic.Dataflow;

/// <summary>What a <see cref="StoreJournalEntry"/> did.</summary>
public enum StoreJournalKind
{
    /// <summary>A value was written.</summary>
    Set,

    /// <summary>A subtree (or a link) was removed.</summary>
    Remove,

    /// <summary>A link was made; the value is the <see cref="StoreLink"/>.</summary>
    Link,
}

/// <summary>One applied write of a store, with the resolved path (list indices and links already resolved).</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Path">The real path written.</param>
/// <param name="Value">The value written, the <see cref="StoreLink"/>, or null for a removal.</param>
public sealed record StoreJournalEntry(StoreJournalKind Kind, string Path, object? Value);

/// <summary>
/// The replayable list of every write applied to a store since <see cref="Store.StartJournal"/> (silent writes too),
/// in the order they were applied. <see cref="ReplayInto"/> applies them to another store.
/// </summary>
public sealed class StoreJournal
{
    private readonly List<StoreJournalEntry> _entries = [];

    internal StoreJournal()
    {
    }

    /// <summary>A copy of the entries so far, in order.</summary>
    public IReadOnlyList<StoreJournalEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Applies the entries, in order, to <paramref name="store"/> as one group tagged <paramref name="sourceId"/>.</summary>
    public void ReplayInto(Store store, string? sourceId = "replay")
    {
        ArgumentNullException.ThrowIfNull(store);
        using (store.Group(sourceId))
        {
            foreach (var entry in Entries)
            {
                _ = entry.Kind switch
                {
                    StoreJournalKind.Set => store.Set(entry.Path, entry.Value),
                    StoreJournalKind.Remove => store.Remove(entry.Path),
                    _ => (object)store.Link(entry.Path, ((StoreLink)entry.Value!).Target, ((StoreLink)entry.Value!).BubbleEvents),
                };
            }
        }
    }

    internal void RecordSet(string path, object? value) => Add(new StoreJournalEntry(StoreJournalKind.Set, path, value));

    internal void RecordRemove(string path) => Add(new StoreJournalEntry(StoreJournalKind.Remove, path, null));

    internal void RecordLink(string path, StoreLink link) => Add(new StoreJournalEntry(StoreJournalKind.Link, path, link));

    private void Add(StoreJournalEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}
