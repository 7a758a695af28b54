namespace TaskTonic.Dataflow;

/// <summary>
/// An open group of a <see cref="Store"/> (from <see cref="Store.Group(string?, bool)"/>): its writes are atomic and
/// their changes are flushed once, when the outermost group is disposed. Dispose it on the thread that opened it,
/// without awaiting in between.
/// </summary>
public readonly struct StoreGroup : IDisposable, IEquatable<StoreGroup>
{
    private readonly Store? _store;
    private readonly string? _previousSource;
    private readonly bool _notify;

    internal StoreGroup(Store store, string? previousSource, bool notify)
    {
        _store = store;
        _previousSource = previousSource;
        _notify = notify;
    }

    /// <summary>Closes the group; the outermost one flushes the changes of all nested groups.</summary>
    public void Dispose() => _store?.Exit(_previousSource, _notify);

    /// <inheritdoc />
    public bool Equals(StoreGroup other) => ReferenceEquals(_store, other._store) && _previousSource == other._previousSource && _notify == other._notify;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StoreGroup other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_store, _previousSource, _notify);

    /// <summary>Compares two groups.</summary>
    public static bool operator ==(StoreGroup left, StoreGroup right) => left.Equals(right);

    /// <summary>Compares two groups.</summary>
    public static bool operator !=(StoreGroup left, StoreGroup right) => !left.Equals(right);
}
