namespace TaskTonic.Dataflow;

/// <summary>A store subscriber threw while receiving changes (see <see cref="Store.CallbackFailed"/>).</summary>
public sealed class StoreCallbackFailedEventArgs : EventArgs
{
    internal StoreCallbackFailedEventArgs(StoreSubscription subscription, StoreChanges changes, Exception exception)
    {
        Subscription = subscription;
        Changes = changes;
        Exception = exception;
    }

    /// <summary>The subscription whose callback threw.</summary>
    public StoreSubscription Subscription { get; }

    /// <summary>The changes it was given.</summary>
    public StoreChanges Changes { get; }

    /// <summary>What it threw.</summary>
    public Exception Exception { get; }
}
