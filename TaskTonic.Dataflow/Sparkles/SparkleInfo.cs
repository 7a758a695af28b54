namespace TaskTonic.Dataflow.Sparkles;

/// <summary>Describes one sparkle of a tonic type: its TaskTonic name, its entry point and its parameters.</summary>
public sealed class SparkleInfo
{
    /// <summary>Creates a description; called by generated code.</summary>
    /// <param name="name">The generic TaskTonic name, e.g. <c>ttsc__open</c>.</param>
    /// <param name="entryPoint">The generated entry point, e.g. <c>Open</c>; empty for hooks.</param>
    /// <param name="kind">The sparkle kind.</param>
    /// <param name="parameterTypes">The handler's parameter types, in order.</param>
    public SparkleInfo(string name, string entryPoint, SparkleKind kind, Type[] parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(entryPoint);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        Name = name;
        EntryPoint = entryPoint;
        Kind = kind;
        ParameterTypes = parameterTypes;
    }

    /// <summary>The generic TaskTonic name (<c>ttsc__open</c>); traces and timer routing use it.</summary>
    public string Name { get; }

    /// <summary>The generated method that queues this sparkle (<c>Open</c>); empty for hooks.</summary>
    public string EntryPoint { get; }

    /// <summary>Command, event, internal sparkle or lifecycle hook.</summary>
    public SparkleKind Kind { get; }

    /// <summary>The parameter types every handler of this sparkle shares.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
