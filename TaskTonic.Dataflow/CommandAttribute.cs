namespace TaskTonic.Dataflow;

/// <summary>
/// Declares the method as the handler of a command: a sparkle other code asks the tonic to do. The generator emits a
/// public entry point that queues it; the handler runs later on the tonic's catalyst. Same as a <c>ttsc__name</c> method.
/// </summary>
/// <remarks>
/// The entry point is named by <see cref="Name"/>, or, without it, by the method name minus its <c>On</c> prefix:
/// <c>[Command] private void OnOpen(int code)</c> generates <c>public void Open(int code)</c>. Add
/// <see cref="InStateAttribute"/> to make the method the command's handler in one state only.
/// </remarks>
/// <example><c>[Command] private void OnOpen() { … }</c> or <c>[Command("Open")] private void OpenDoor() { … }</c></example>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CommandAttribute : Attribute
{
    /// <summary>Declares a command named after the method (its name without the <c>On</c> prefix).</summary>
    public CommandAttribute()
    {
    }

    /// <summary>Declares a command whose entry point is <paramref name="name"/> (a PascalCase identifier).</summary>
    public CommandAttribute(string name) => Name = name;

    /// <summary>The entry point's name, or null to derive it from the method name.</summary>
    public string? Name { get; }
}
