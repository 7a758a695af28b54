namespace TaskTonic.Dataflow.Sparkles;

/// <summary>The kind of a sparkle, taken from its handler's prefix.</summary>
public enum SparkleKind
{
    /// <summary>A lifecycle hook called by the runtime (<c>ttse__on_start</c>, <c>ttse__on_enter</c>, <c>ttse__on_exit</c>, <c>ttse__on_finished</c>).</summary>
    Hook,

    /// <summary>A command (<c>ttsc__x</c>): a public entry point.</summary>
    Command,

    /// <summary>An event (<c>ttse__x</c>): a public entry point.</summary>
    Event,

    /// <summary>An internal sparkle (<c>tts__x</c> or <c>_tts__x</c>): a non-public entry point.</summary>
    Internal,

    /// <summary>
    /// An event binding (<c>ttev__member__event</c>): posted by a .NET event or an <c>IObservable</c> notification of a
    /// member of the tonic, subscribed after <c>ttse__on_start</c> and unsubscribed at finish; it has no entry point.
    /// </summary>
    Binding,
}
