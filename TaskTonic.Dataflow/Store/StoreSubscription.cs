namespace TaskTonic.Dataflow;

/// <summary>A live subscription to a <see cref="Store"/>. Dispose it to unsubscribe (idempotent).</summary>
public sealed class StoreSubscription : IDisposable
{
    private readonly Store _store;
    private volatile bool _removed;

    internal StoreSubscription(Store store, PathPattern pattern, StoreSubscribeOptions options, Delegate handler, Tonic? tonic, object? owner)
    {
        _store = store;
        Pattern = pattern;
        Options = options;
        Handler = handler;
        Tonic = tonic;
        Owner = owner;
        foreach (var field in options.Extract ?? [])
        {
            _ = field == "." ? field : StorePath.Normalize(field, nameof(options.Extract));
        }

        Exclude = options.Exclude is { Count: > 0 } ex ? [.. ex.Select(p => StorePath.Normalize(p, nameof(options.Exclude)))] : null;
    }

    /// <summary>The subscribed path or pattern, normalised.</summary>
    public string Path => Pattern.Path;

    /// <summary>The owner it is removed by: the subscribing tonic, the explicit owner or the callback's target.</summary>
    public object? Owner { get; }

    /// <summary>The tonic whose entry point receives the changes, or null for a plain callback.</summary>
    public Tonic? Tonic { get; }

    /// <summary>False once unsubscribed (explicitly, by owner, or because its tonic finished).</summary>
    public bool IsActive => !_removed;

    internal PathPattern Pattern { get; }

    internal StoreSubscribeOptions Options { get; }

    internal Delegate Handler { get; }

    internal string[]? Exclude { get; }

    /// <summary>The changes of the flush being built that matched; only touched under the store's lock.</summary>
    internal List<(StoreChange Change, string Base)> Hits { get; } = [];

    /// <summary>Unsubscribes; changes already flushed to it may still be delivered to a tonic's mailbox.</summary>
    public void Dispose() => _store.RemoveSubscription(this);

    internal void MarkRemoved() => _removed = true;

    /// <summary>True when <paramref name="change"/> passes the filters; <paramref name="basePath"/> is the subscribed base it belongs to.</summary>
    internal bool Matches(StoreChange change, out string basePath)
    {
        basePath = Pattern.Path;
        if (Options.IgnoreSource is { } ignored && string.Equals(ignored, change.Source, StringComparison.Ordinal))
        {
            return false;
        }

        if (!Pattern.Matches(change.Path, Options.Recursive, out basePath))
        {
            return false;
        }

        if (Exclude is not null)
        {
            foreach (var ex in Exclude)
            {
                if (StorePath.IsSelfOrDescendant(change.Path, ex))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
