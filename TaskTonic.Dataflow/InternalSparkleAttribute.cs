namespace TaskTonic.Dataflow;

/// <summary>
/// Declares the method as the handler of an internal sparkle: work the tonic queues for itself (a later step, a
/// continuation). The generator emits a protected entry point (private in a sealed class). Same as a <c>tts__name</c>
/// method.
/// </summary>
/// <remarks>
/// Named like <see cref="CommandAttribute"/>: <c>[InternalSparkle] private void OnNextChunk()</c> generates
/// <c>protected void NextChunk()</c>. Add <see cref="InStateAttribute"/> for a state's handler.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class InternalSparkleAttribute : Attribute
{
    /// <summary>Declares an internal sparkle named after the method (its name without the <c>On</c> prefix).</summary>
    public InternalSparkleAttribute()
    {
    }

    /// <summary>Declares an internal sparkle whose entry point is <paramref name="name"/> (a PascalCase identifier).</summary>
    public InternalSparkleAttribute(string name) => Name = name;

    /// <summary>The entry point's name, or null to derive it from the method name.</summary>
    public string? Name { get; }
}
