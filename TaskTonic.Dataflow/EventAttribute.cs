namespace TaskTonic.Dataflow;

/// <summary>
/// Declares the method as the handler of an event: a sparkle that tells the tonic something happened elsewhere. The
/// generator emits a public entry point <c>Notify</c><i>Name</i> that queues it. Same as a <c>ttse__name</c> method.
/// </summary>
/// <remarks>
/// The entry point is not named <c>On</c><i>Name</i>: in .NET that is the handler, not what the sender calls.
/// <c>[Event] private void OnConnected(string peer)</c> generates <c>public void NotifyConnected(string peer)</c>;
/// <c>[Event("Connected")]</c> names the event explicitly. The sparkle is <c>ttse__on_connected</c>, so the runtime's
/// routing by name reaches it: <c>[Event] void OnPhase()</c> receives a timer named <c>"phase"</c>. Add
/// <see cref="InStateAttribute"/> for a state's handler.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class EventAttribute : Attribute
{
    /// <summary>Declares an event named after the method (its name without the <c>On</c> prefix).</summary>
    public EventAttribute()
    {
    }

    /// <summary>Declares the event <paramref name="name"/> (a PascalCase identifier; the entry point is <c>Notify</c> + name).</summary>
    public EventAttribute(string name) => Name = name;

    /// <summary>The event's name, or null to derive it from the method name.</summary>
    public string? Name { get; }
}
