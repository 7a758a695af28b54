namespace TaskTonic.Dataflow.Internal;

/// <summary>Thread-safe lazy creation of a list held in a field (the list itself is then used as its own lock).</summary>
internal static class LazyList
{
    public static List<T> GetOrCreate<T>(ref List<T>? field)
    {
        var list = Volatile.Read(ref field);
        if (list is not null)
        {
            return list;
        }

        var created = new List<T>();
        return Interlocked.CompareExchange(ref field, created, null) ?? created;
    }
}
