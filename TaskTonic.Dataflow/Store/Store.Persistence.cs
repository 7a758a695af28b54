namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    /// <summary>
    /// A consistent MessagePack snapshot of the whole store (values and links; nodes without a value and without
    /// valued descendants are not kept). Values should be primitives, strings, dates, GUIDs, byte arrays or plain data
    /// objects; the latter come back as maps and arrays (no type names are stored).
    /// </summary>
    /// <exception cref="NotSupportedException">A value cannot be serialised (the message names its path).</exception>
    public byte[] SaveSnapshot() => StoreSnapshotCodec.Write(Dump());

    /// <summary>
    /// Replaces the content of the store with <paramref name="snapshot"/> in one group tagged <paramref name="sourceId"/>
    /// (subscribers see the removals and the restored values in one batch). Links are restored as links. The snapshot
    /// is validated completely before the store is touched.
    /// </summary>
    /// <exception cref="StoreFormatException">The snapshot is not one, has another version, is corrupt, or holds circular links.</exception>
    public void RestoreSnapshot(ReadOnlyMemory<byte> snapshot, string? sourceId = "restore")
    {
        var entries = StoreSnapshotCodec.Read(snapshot);
        try
        {
            new Store().Apply(entries, null);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new StoreFormatException($"The store snapshot cannot be applied: {e.Message}", e);
        }

        Apply(entries, sourceId);
    }

    private void Apply(List<KeyValuePair<string, object?>> entries, string? sourceId)
    {
        using (Group(sourceId))
        {
            foreach (var key in _root.SortedChildren().Select(c => c.Key))
            {
                RemoveLocked(key);
            }

            _root.Value = null;
            foreach (var (path, value) in entries)
            {
                var normalized = StorePath.Normalize(path, nameof(entries));
                if (value is StoreLink link)
                {
                    LinkLocked(normalized, StorePath.Normalize(link.Target, nameof(entries)), link.BubbleEvents);
                }
                else
                {
                    SetLocked(normalized, value, notify: true);
                }
            }
        }
    }
}
