namespace TaskTonic.Dataflow;

/// <summary>
/// Declares the method (void, no parameters) as the tonic's start hook, run when the tonic starts. Same as
/// <c>ttse__on_start</c>; with <see cref="InStateAttribute"/>, only when the tonic is in that state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OnStartAttribute : Attribute
{
}

/// <summary>
/// Declares the method (void, no parameters) as the hook run after every state change, in the new state. Same as
/// <c>ttse__on_enter</c>; with <see cref="InStateAttribute"/> (<c>ttse_locked__on_enter</c>), only on entering that state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OnEnterAttribute : Attribute
{
}

/// <summary>
/// Declares the method (void, no parameters) as the hook run before every state change, in the old state. Same as
/// <c>ttse__on_exit</c>; with <see cref="InStateAttribute"/> (<c>ttse_locked__on_exit</c>), only on leaving that state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OnExitAttribute : Attribute
{
}

/// <summary>
/// Declares the method (void, no parameters) as the hook run when the tonic finishes. Same as
/// <c>ttse__on_finished</c>; with <see cref="InStateAttribute"/>, only when it finishes in that state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OnFinishedAttribute : Attribute
{
}

/// <summary>
/// Declares the method (void, no parameters or one <see cref="Tonic"/>: the infusion) as the hook run on this tonic's
/// catalyst when one of its infusions (children) completes. Same as <c>ttse__on_infusion_completed(Tonic child)</c>;
/// with <see cref="InStateAttribute"/>, only when the tonic is in that state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OnInfusionCompletedAttribute : Attribute
{
}
