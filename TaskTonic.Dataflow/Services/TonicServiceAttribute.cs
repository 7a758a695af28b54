namespace TaskTonic.Dataflow.Services;

/// <summary>
/// Marks a tonic class as a service: one instance per service name per ledger, reached through
/// <c>GetService&lt;T&gt;()</c> or <see cref="ServiceDirectory.Get{TService}(Func{TService}, object)"/>. Subclasses inherit the name, so a concrete
/// subclass serves requests for its abstract base (register it, or create it first).
/// </summary>
/// <remarks>
/// Hooks a service may declare: <c>ttse__on_service_access(ServiceAccess access)</c> (every access, queued on the
/// service's catalyst) and <c>ttse__on_service_base_completed(int clientId, int clientsLeft)</c> (a client left).
/// A client may declare <c>ttse__on_&lt;name&gt;_completed()</c> or <c>ttse__on_service_completed(string name)</c>.
/// </remarks>
/// <param name="name">The service name; it is also the service tonic's name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class TonicServiceAttribute(string name) : Attribute
{
    /// <summary>The service name.</summary>
    public string Name { get; } = !string.IsNullOrWhiteSpace(name) ? name : throw new ArgumentException("A service needs a name.", nameof(name));

    /// <summary>
    /// True (default): the service runs on a catalyst of its own, so it neither blocks nor is blocked by its clients'
    /// catalysts. False: it runs on the main catalyst, as an infusion of it.
    /// </summary>
    public bool OwnCatalyst { get; init; } = true;
}
