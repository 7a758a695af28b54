namespace TaskTonic.Dataflow;

/// <summary>
/// A cursor on one path of a <see cref="Store"/>. It holds only the path: every member reads or writes the store at
/// that moment (through links), and the node need not exist. Relative paths are resolved below <see cref="Path"/>.
/// </summary>
public sealed class StoreItem : IEquatable<StoreItem>
{
    internal StoreItem(Store store, string path)
    {
        Store = store;
        Path = path;
    }

    /// <summary>The store.</summary>
    public Store Store { get; }

    /// <summary>The full path (<c>""</c> for the root).</summary>
    public string Path { get; }

    /// <summary>The last segment (<c>""</c> for the root).</summary>
    public string Key => StorePath.Key(Path);

    /// <summary>The value (null when missing); setting it writes the store and reports a change when it differs.</summary>
    public object? Value
    {
        get => Store.Get(Path);
        set => Store.Set(Path, value);
    }

    /// <summary>The parent item; the parent of a top-level item, and of the root, is the root.</summary>
    public StoreItem Parent => new(Store, StorePath.Parent(Path));

    /// <summary>The nearest ancestor-or-self that is a list item (<c>…#N</c>), or null.</summary>
    public StoreItem? ListRoot
    {
        get
        {
            for (var path = Path; path.Length > 0; path = StorePath.Parent(path))
            {
                if (ChildKeyComparer.TryParseListKey(StorePath.Key(path), out _, out _))
                {
                    return new StoreItem(Store, path);
                }
            }

            return null;
        }
    }

    /// <summary>The item at <paramref name="subPath"/> below this one.</summary>
    public StoreItem this[string subPath] => At(subPath);

    /// <summary>The item at <paramref name="subPath"/> below this one (<c>""</c> is this item).</summary>
    public StoreItem At(string subPath) => new(Store, Sub(subPath));

    /// <summary>This item's value as <typeparamref name="T"/>, or <paramref name="fallback"/> when missing or null.</summary>
    public T Val<T>(T fallback) => Store.Get(Path, fallback);

    /// <summary>The value at <paramref name="subPath"/> as <typeparamref name="T"/>, or <paramref name="fallback"/>.</summary>
    public T Get<T>(string subPath, T fallback) => Store.Get(Sub(subPath), fallback);

    /// <summary>Writes <paramref name="value"/> at <paramref name="subPath"/> below this item (see <see cref="Store.Set(string, object?, bool)"/>).</summary>
    public StoreItem Set(string subPath, object? value, bool notify = true) => Store.Set(Sub(subPath), value, notify);

    /// <summary>Writes several (relative path, value) pairs below this item as one group.</summary>
    public void Set(IEnumerable<(string Path, object? Value)> batch, bool notify = true)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Store.Set(batch.Select(p => (Sub(p.Path), p.Value)).ToList(), notify);
    }

    /// <summary>
    /// The children in key order (list items numerically), as items under this path (through a link: alias paths).
    /// <paramref name="prefix"/>: null for all, <c>""</c> for <c>#N</c> items, <c>"sens"</c> for <c>sens#N</c> items.
    /// </summary>
    public IReadOnlyList<StoreItem> Children(string? prefix = null) => [.. Store.ChildKeys(Path, prefix).Select(k => new StoreItem(Store, StorePath.Combine(Path, k)))];

    /// <summary>Appends an empty list item <c>prefix#N</c> below this item.</summary>
    public StoreItem Append(string? prefix = null) => Store.Append(Path, prefix);

    /// <summary>Appends one list item per element (see <see cref="Store.Extend"/>).</summary>
    public void Extend(IEnumerable<object?> items, string? prefix = null) => Store.Extend(Path, items, prefix);

    /// <summary>Writes <paramref name="value"/> at <paramref name="subPath"/> below each (filtered) child, in one group.</summary>
    public void SetEach(string subPath, object? value, string? prefix = null) => Store.SetEach(Path, subPath, value, prefix);

    /// <summary>Removes this item (or <paramref name="subPath"/> below it) and its subtree.</summary>
    public bool Remove(string? subPath = null) => Store.Remove(subPath is null ? Path : Sub(subPath));

    /// <summary>Returns the value of this item (or of <paramref name="subPath"/>), then removes it.</summary>
    public object? Pop(string? subPath = null) => Store.Pop(subPath is null ? Path : Sub(subPath));

    /// <summary>A consistent snapshot of this subtree (see <see cref="Store.Dump"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Dump() => Store.Dump(Path);

    /// <summary>Makes this item a link to <paramref name="target"/> (see <see cref="Store.Link"/>).</summary>
    public StoreItem LinkTo(string target, bool bubbleEvents = false) => Store.Link(Path, target, bubbleEvents);

    /// <summary>Subscribes a tonic's entry point to this path (see <see cref="Store.Subscribe"/>).</summary>
    public StoreSubscription Subscribe(Action<StoreChanges> entryPoint, StoreSubscribeOptions? options = null) => Store.Subscribe(Path, entryPoint, options);

    /// <summary>Subscribes a plain callback to this path (see <see cref="Store.SubscribeCallback"/>).</summary>
    public StoreSubscription SubscribeCallback(Action<StoreChanges> callback, StoreSubscribeOptions? options = null) => Store.SubscribeCallback(Path, callback, options);

    /// <summary>Removes the subscriptions made exactly on this path: all of them, or those of <paramref name="target"/> (a callback or an owner).</summary>
    /// <returns>The number removed.</returns>
    public int Unsubscribe(object? target = null) => Store.UnsubscribeAt(Path, target);

    /// <inheritdoc />
    public bool Equals(StoreItem? other) => other is not null && ReferenceEquals(Store, other.Store) && Path == other.Path;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StoreItem);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Store, Path);

    /// <inheritdoc />
    public override string ToString() => $"StoreItem '{Path}'";

    private string Sub(string subPath) => StorePath.Combine(Path, StorePath.Normalize(subPath, nameof(subPath)));
}
