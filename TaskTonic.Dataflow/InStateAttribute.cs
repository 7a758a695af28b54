namespace TaskTonic.Dataflow;

/// <summary>
/// Makes a handler declared with <see cref="CommandAttribute"/>, <see cref="EventAttribute"/>,
/// <see cref="InternalSparkleAttribute"/> or a lifecycle hook attribute (<see cref="OnEnterAttribute"/>…) the variant
/// that runs only while the tonic is in <see cref="State"/>; the handler without <c>[InState]</c> runs in every other
/// state. Same as the state segment of <c>ttsc_locked__open</c>. The state joins the generated <c>States</c> constants.
/// </summary>
/// <example><c>[Command("Open"), InState("locked")] private void RefuseOpen() { … }</c></example>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class InStateAttribute : Attribute
{
    /// <summary>Restricts the handler to the state <paramref name="state"/> (a snake_case name such as <c>"locked"</c>).</summary>
    public InStateAttribute(string state) => State = state;

    /// <summary>The state's snake_case name.</summary>
    public string State { get; }
}
