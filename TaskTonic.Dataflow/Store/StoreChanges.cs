namespace TaskTonic.Dataflow;

/// <summary>
/// The changes one subscription receives from one flush of a <see cref="Store"/> (one write, or one outermost group),
/// in the order they happened. Immutable, so it is passed to a tonic's entry point by reference.
/// </summary>
public sealed class StoreChanges : IReadOnlyList<StoreChange>
{
    private readonly StoreChange[] _changes;

    internal StoreChanges(string subscribedPath, StoreChange[] changes)
    {
        SubscribedPath = subscribedPath;
        _changes = changes;
    }

    /// <summary>The path (or pattern) the subscription was made on.</summary>
    public string SubscribedPath { get; }

    /// <inheritdoc />
    public int Count => _changes.Length;

    /// <inheritdoc />
    public StoreChange this[int index] => _changes[index];

    /// <inheritdoc />
    public IEnumerator<StoreChange> GetEnumerator() => ((IEnumerable<StoreChange>)_changes).GetEnumerator();

    /// <inheritdoc />
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _changes.GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"{_changes.Length} change(s) for '{SubscribedPath}'";
}
