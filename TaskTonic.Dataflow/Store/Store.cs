using System.Globalization;

namespace TaskTonic.Dataflow;

/// <summary>
/// A reactive, thread-safe hierarchical store of values: <c>/</c>-separated paths, hybrid nodes (a value and
/// children), auto-created intermediates, links, smart lists (<c>#</c> appends, <c>.</c> is the last item) and
/// subscriptions. Tonics subscribe with one of their entry points and receive the changes as sparkles on their own
/// catalyst, batched per flush; plain code subscribes with a callback.
/// </summary>
/// <remarks>
/// Any thread may read and write. Every operation holds the store's lock, so a read sees a consistent state; a
/// <see cref="Group(string?, bool)"/> holds it until it is disposed, so its writes (with their <c>#</c> and <c>.</c>
/// resolution) are atomic. Changes are queued for delivery in the order the writes happened, under the lock, and
/// delivered after it is released, one batch at a time: an entry point only queues a work order; a plain callback
/// runs on the thread that drains the queue (a writer's). Stored values should be immutable: they are handed to
/// subscribers by reference. <c>Set(path, dictionary)</c> stores the dictionary as one value; the batch overloads of
/// <see cref="Set(IEnumerable{KeyValuePair{string, object}}, bool)"/> write many paths.
/// </remarks>
public sealed partial class Store
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoreNode> _nodes = new(StringComparer.Ordinal);
    private readonly StoreNode _root = new(string.Empty, string.Empty, null);

    /// <summary>Creates an empty store.</summary>
    public Store()
    {
        _nodes.Add(string.Empty, _root);
    }

    /// <summary>The root item (path <c>""</c>).</summary>
    public StoreItem Root => new(this, string.Empty);

    /// <summary>The number of nodes, the root included.</summary>
    public int NodeCount
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>A cursor on <paramref name="path"/> (the node need not exist).</summary>
    public StoreItem this[string path] => At(path);

    /// <summary>A cursor on <paramref name="path"/> (the node need not exist; nothing is created).</summary>
    /// <exception cref="ArgumentException">The path has an empty segment.</exception>
    public StoreItem At(string path) => new(this, StorePath.Normalize(path, nameof(path)));

    /// <summary>The value at <paramref name="path"/> (through links), or null when the path or its value is missing.</summary>
    /// <exception cref="InvalidOperationException">The path runs into a circular link.</exception>
    public object? Get(string path)
    {
        path = StorePath.Normalize(path, nameof(path));
        lock (_lock)
        {
            return ReadLocked(path);
        }
    }

    /// <summary>The value at <paramref name="path"/> as <typeparamref name="T"/>, or default when missing.</summary>
    /// <exception cref="InvalidCastException">The value is neither a <typeparamref name="T"/> nor convertible to it.</exception>
    public T? Get<T>(string path) => ConvertValue<T>(Get(path), path);

    /// <summary>The value at <paramref name="path"/> as <typeparamref name="T"/>, or <paramref name="fallback"/> when missing or null.</summary>
    /// <exception cref="InvalidCastException">The value is neither a <typeparamref name="T"/> nor convertible to it.</exception>
    public T Get<T>(string path, T fallback) => Get(path) is { } value ? ConvertValue<T>(value, path)! : fallback;

    /// <summary>True when a node exists at <paramref name="path"/> (through links), with or without a value.</summary>
    public bool Contains(string path)
    {
        path = StorePath.Normalize(path, nameof(path));
        lock (_lock)
        {
            return ResolveLocked(path, create: false, followFinal: true) is not null;
        }
    }

    /// <summary>The child keys of <paramref name="path"/> (through links) filtered by list prefix (null: all; <c>""</c>: <c>#N</c>; <c>"p"</c>: <c>p#N</c>).</summary>
    public IReadOnlyList<string> ChildKeys(string path, string? prefix)
    {
        path = StorePath.Normalize(path, nameof(path));
        lock (_lock)
        {
            return ChildKeysLocked(path, prefix);
        }
    }

    /// <summary>The child keys of <paramref name="path"/> (through links), list items in numeric order (<c>#2</c> before <c>#10</c>).</summary>
    public IReadOnlyList<string> ChildKeys(string path)
    {
        path = StorePath.Normalize(path, nameof(path));
        lock (_lock)
        {
            return ResolveLocked(path, create: false, followFinal: true)?.SortedChildren().Select(c => c.Key).ToArray() ?? [];
        }
    }

    /// <summary>
    /// A consistent snapshot of the subtree at <paramref name="path"/>: (relative key, value) for every node with a value,
    /// in path order; a link appears as its <see cref="StoreLink"/>. The base itself has the key <c>""</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Dump(string path = "")
    {
        path = StorePath.Normalize(path, nameof(path));
        var result = new List<KeyValuePair<string, object?>>();
        lock (_lock)
        {
            if (ResolveLocked(path, create: false, followFinal: true) is { } node)
            {
                DumpNode(node, node.Path.Length, result);
            }
        }

        return result;
    }

    private static void DumpNode(StoreNode node, int baseLength, List<KeyValuePair<string, object?>> into)
    {
        var value = (object?)node.Link ?? node.Value;
        if (value is not null)
        {
            var relative = node.Path.Length == baseLength ? string.Empty : node.Path[(baseLength == 0 ? 0 : baseLength + 1)..];
            into.Add(KeyValuePair.Create(relative, (object?)value));
        }

        foreach (var child in node.SortedChildren())
        {
            DumpNode(child, baseLength, into);
        }
    }

    private object? ReadLocked(string path) => ResolveLocked(path, create: false, followFinal: true)?.Value;

    internal static T? ConvertValue<T>(object? value, string path)
    {
        if (value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            try
            {
                return (T)(target.IsEnum ? Enum.ToObject(target, value) : Convert.ChangeType(value, target, CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
            {
                throw new InvalidCastException($"The store value at '{path}' ({value}) cannot be converted to {typeof(T).Name}.", e);
            }
        }

        throw new InvalidCastException($"The store value at '{path}' is a {value.GetType().Name}, not a {typeof(T).Name}.");
    }
}
