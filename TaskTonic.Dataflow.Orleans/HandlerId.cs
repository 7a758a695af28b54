namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The number a command carries on the wire in place of its handler id (a message type's full name by default): a
/// 64-bit FNV-1a hash of the id's UTF-16 code units, the same in every process. The silo refuses two ids of one
/// partition with the same number, so within a partition the number names one handler.
/// </summary>
internal static class HandlerId
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The number of <paramref name="id"/>.</summary>
    public static long Of(string id)
    {
        var hash = Offset;
        foreach (var c in id)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return unchecked((long)hash);
    }

    /// <summary>The default handler id of a message type, the same on client and silo.</summary>
    public static string NameOf<TMessage>() => typeof(TMessage).FullName ?? typeof(TMessage).Name;

    /// <summary>The number of <typeparamref name="TMessage"/>'s default handler id, computed once per type.</summary>
    public static long For<TMessage>() => Cache<TMessage>.Value;

    private static class Cache<TMessage>
    {
        public static readonly long Value = Of(NameOf<TMessage>());
    }
}
