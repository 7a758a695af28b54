namespace TaskTonic.Dataflow;

/// <summary>
/// Marks a sparkle parameter (or a type) as shared by reference between catalysts: no copy is made even when the call
/// crosses catalysts. Use it for thread-safe types, or when you guarantee the sender no longer touches the object.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
public sealed class PassByReferenceAttribute : Attribute
{
}
