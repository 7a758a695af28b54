namespace TaskTonic.Dataflow;

/// <summary>
/// Declares states that no handler name mentions (a state is otherwise known from handlers such as
/// <c>ttse_open__on_enter</c>). The generator adds them to the class's <c>States</c> constants.
/// </summary>
/// <example><c>[TonicStates("open", "closed")] public partial class Door : Tonic { … }</c></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TonicStatesAttribute : Attribute
{
    /// <summary>Declares the given states (snake_case names).</summary>
    public TonicStatesAttribute(params string[] states) => States = states;

    /// <summary>The declared state names.</summary>
    public IReadOnlyList<string> States { get; }
}
