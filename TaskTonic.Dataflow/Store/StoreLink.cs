namespace TaskTonic.Dataflow;

/// <summary>
/// An alias in a <see cref="Store"/>: reads, writes and child listings at the alias path and below are resolved to
/// <see cref="Target"/>. It is the value reported by the change that created the link and by <see cref="Store.Dump"/>.
/// </summary>
/// <param name="Target">The path the alias resolves to (it may itself be an alias).</param>
/// <param name="BubbleEvents">
/// True for an active link: every change at or below the target is also reported at the alias path. False for a
/// passive link: changes are reported at the target path only.
/// </param>
public sealed record StoreLink(string Target, bool BubbleEvents);
