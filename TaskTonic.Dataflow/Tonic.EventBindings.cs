using System.ComponentModel;
using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

// Event bindings (ttev__member__event): the generated code subscribes the tonic's .NET events and IObservable members
// right after ttse__on_start (so members assigned in the constructor or in on_start are bound) and unsubscribes them
// when the tonic finishes or its failed incarnation is suspended. A raised event only posts a sparkle.
public abstract partial class Tonic
{
    private const string BindSparkleName = "ttev (bind)";
    private const string UnbindSparkleName = "ttev (unbind)";

    private bool _eventsBound;

    /// <summary>
    /// Generated: subscribes this class's <c>ttev__member__event</c> bindings (after calling the base's). Runs on the
    /// tonic's catalyst once, right after <c>ttse__on_start</c>. Not for user code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void BindGeneratedEvents()
    {
    }

    /// <summary>
    /// Generated: unsubscribes what <see cref="BindGeneratedEvents"/> subscribed (then calls the base's); each binding
    /// is undone at most once, also after a partial bind. Runs on the tonic's catalyst when it finishes. Not for user code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void UnbindGeneratedEvents()
    {
    }

    /// <summary>
    /// Generated: a bound <c>IObservable</c> signalled <paramref name="error"/> and the class declares no
    /// <c>ttev__member__error</c> handler; the error becomes a failure of this tonic (reported, and its supervisor
    /// decides) instead of being lost. Callable from any thread. Not for user code.
    /// </summary>
    /// <param name="binding">The missing handler, e.g. <c>ttev__ticks__error</c>.</param>
    /// <param name="error">The observable's error.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void PostBindingError(string binding, Exception error)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(error);
        PostUserCallback(() => throw new InvalidOperationException(
            $"An observable bound by {Name} signalled an error, and {GetType().Name} declares no {binding} handler for it.", error));
    }

    /// <summary>After the start hook: subscribe the bindings; a failure (a null member) is this tonic's failure.</summary>
    private void BindEvents(in WorkOrder order)
    {
        if (_phase != Phase.Started)
        {
            return;
        }

        _eventsBound = true;
        try
        {
            BindGeneratedEvents();
        }
        catch (Exception ex)
        {
            Fail(new SparkleFailure(this, BindSparkleName, StateName, SourceOf(order.Source, order.SourceSparkle), ex), null);
        }
    }

    /// <summary>At finish or suspension: unsubscribe, so the event sources no longer reference this tonic.</summary>
    private void UnbindEvents()
    {
        if (!_eventsBound)
        {
            return;
        }

        _eventsBound = false;
        try
        {
            UnbindGeneratedEvents();
        }
        catch (Exception ex)
        {
            _ledger.ReportFailure(new SparkleFailure(this, UnbindSparkleName, StateName, SparkleSource.None, ex));
        }
    }
}
