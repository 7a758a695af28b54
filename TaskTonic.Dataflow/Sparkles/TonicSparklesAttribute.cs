using System.ComponentModel;

namespace TaskTonic.Dataflow.Sparkles;

/// <summary>
/// Placed by the source generator on each generated tonic: the handler names the class declares, in
/// declaration order. A derived class in another assembly reads it to extend the sparkle and state tables.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TonicSparklesAttribute : Attribute
{
    /// <summary>Creates the attribute with the declared handler names.</summary>
    public TonicSparklesAttribute(params string[] handlers) => Handlers = handlers;

    /// <summary>The handler method names declared by the class.</summary>
    public IReadOnlyList<string> Handlers { get; }
}
