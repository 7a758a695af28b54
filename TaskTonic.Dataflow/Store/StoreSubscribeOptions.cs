namespace TaskTonic.Dataflow;

/// <summary>How a <see cref="Store"/> subscription filters and shapes the changes it receives.</summary>
public sealed class StoreSubscribeOptions
{
    /// <summary>The default options: exact path, no filters.</summary>
    public static StoreSubscribeOptions Exact { get; } = new();

    /// <summary>Also receive changes below the path (on every depth). Default: only the path itself.</summary>
    public bool Recursive { get; init; }

    /// <summary>Absolute paths whose subtrees are ignored (matched per segment: <c>x/noise</c> excludes <c>x/noise/a</c>, not <c>x/noisy</c>).</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>
    /// Fields to report instead of the raw changes: each change becomes one change at the subscribed base (the matched
    /// prefix for wildcards) whose value is a snapshot <c>{field: value}</c>; <c>"."</c> is the base's own value.
    /// Several changes of one batch under the same base are reported once.
    /// </summary>
    public IReadOnlyList<string>? Extract { get; init; }

    /// <summary>Deliver the current value (or snapshot) at once, with source <see cref="StoreChange.InitSource"/>. For a wildcard: one change per existing match, nothing if none.</summary>
    public bool TriggerNow { get; init; }

    /// <summary>Changes made inside <see cref="Store.Source(string)"/> (or a group) with this source id are not delivered.</summary>
    public string? IgnoreSource { get; init; }

    /// <summary>
    /// The owner that <see cref="Store.Unsubscribe(object)"/> removes this subscription by. Default: the tonic of an
    /// entry point, else the callback's target object.
    /// </summary>
    public object? Owner { get; init; }
}
