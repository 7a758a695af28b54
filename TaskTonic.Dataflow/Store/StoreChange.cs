namespace TaskTonic.Dataflow;

/// <summary>
/// One change in a <see cref="Store"/>: the value at <see cref="Path"/> went from <see cref="OldValue"/> to
/// <see cref="NewValue"/>. A removal has a null <see cref="NewValue"/>. For a subscription with
/// <see cref="StoreSubscribeOptions.Extract"/>, <see cref="Path"/> is the subscribed base and <see cref="NewValue"/> is a
/// <see cref="Snapshot"/> of the requested fields taken when the batch was flushed.
/// </summary>
/// <param name="Path">The changed path (through an active link: the alias path).</param>
/// <param name="NewValue">The value after the change, or the snapshot dictionary for an extracting subscription.</param>
/// <param name="OldValue">The value before the change (for a snapshot: before the first change of the batch).</param>
/// <param name="Source">The source id of the group that made the change (<c>"init"</c> for a trigger-now event), or null.</param>
public sealed record StoreChange(string Path, object? NewValue, object? OldValue, string? Source)
{
    /// <summary>The source id of the events a subscription with <see cref="StoreSubscribeOptions.TriggerNow"/> receives at once.</summary>
    public const string InitSource = "init";

    /// <summary>The extracted fields (<c>"."</c> is the base's own value) for an extracting subscription; otherwise null.</summary>
    public IReadOnlyDictionary<string, object?>? Snapshot => NewValue as IReadOnlyDictionary<string, object?>;
}
