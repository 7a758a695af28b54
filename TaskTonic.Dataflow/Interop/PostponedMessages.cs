using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Interop;

/// <summary>
/// The messages a bounded target postponed, in offer order, at most one per source (a source that offers again
/// replaces its header and keeps its place, as Dataflow's own targets do). Not thread-safe: the owner locks.
/// </summary>
internal sealed class PostponedMessages<T>
{
    private readonly Queue<Entry> _order = new();
    private readonly Dictionary<ISourceBlock<T>, Entry> _bySource = new(ReferenceEqualityComparer.Instance);

    public int Count => _bySource.Count;

    public void Add(ISourceBlock<T> source, DataflowMessageHeader header)
    {
        if (_bySource.TryGetValue(source, out var entry))
        {
            entry.Header = header;
            return;
        }

        entry = new Entry(source, header);
        _bySource.Add(source, entry);
        _order.Enqueue(entry);
    }

    public bool TryTake(out ISourceBlock<T> source, out DataflowMessageHeader header)
    {
        while (_order.TryDequeue(out var entry))
        {
            if (_bySource.Remove(entry.Source))
            {
                source = entry.Source;
                header = entry.Header;
                return true;
            }
        }

        source = null!;
        header = default;
        return false;
    }

    public List<(ISourceBlock<T> Source, DataflowMessageHeader Header)> TakeAll()
    {
        var all = new List<(ISourceBlock<T>, DataflowMessageHeader)>(Count);
        while (TryTake(out var source, out var header))
        {
            all.Add((source, header));
        }

        return all;
    }

    private sealed class Entry(ISourceBlock<T> source, DataflowMessageHeader header)
    {
        public ISourceBlock<T> Source { get; } = source;

        public DataflowMessageHeader Header { get; set; } = header;
    }
}
