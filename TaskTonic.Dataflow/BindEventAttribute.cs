namespace TaskTonic.Dataflow;

/// <summary>
/// Binds the method to the .NET event <see cref="EventName"/> of the tonic's field or property <see cref="Member"/>:
/// every raised event posts a sparkle that runs the method on the tonic's catalyst. Same as a
/// <c>ttev__member__event</c> method (subscribed right after <c>ttse__on_start</c>, unsubscribed at finish; checked at
/// compile time by TTDF020–TTDF022). For an <see cref="IObservable{T}"/> member, <see cref="EventName"/> is
/// <c>"Next"</c>, <c>"Error"</c> or <c>"Completed"</c>.
/// </summary>
/// <remarks>
/// The names are matched as the grammar matches them: both are turned into snake_case (<c>OkButton</c> →
/// <c>ok_button</c>, a leading <c>_</c> dropped), so the sparkle is <c>ttev__ok_button__clicked</c>. Add
/// <see cref="InStateAttribute"/> for the variant of one state.
/// </remarks>
/// <example><c>[BindEvent(nameof(OkButton), nameof(Widget.Clicked))] private void Confirm(ClickArgs e) { … }</c></example>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BindEventAttribute : Attribute
{
    /// <summary>Binds the event <paramref name="eventName"/> of the field or property <paramref name="member"/>.</summary>
    /// <param name="member">The tonic's field or property, e.g. <c>nameof(OkButton)</c>.</param>
    /// <param name="eventName">The event of the member's type, e.g. <c>nameof(Widget.Clicked)</c>, or an observable's notification.</param>
    public BindEventAttribute(string member, string eventName)
    {
        Member = member;
        EventName = eventName;
    }

    /// <summary>The bound field or property.</summary>
    public string Member { get; }

    /// <summary>The bound event (or observable notification).</summary>
    public string EventName { get; }
}
