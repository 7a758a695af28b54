namespace TaskTonic.Dataflow.Supervision;

/// <summary>Wraps a supervised failure while it travels through the Polly restart pipeline.</summary>
internal sealed class IncarnationFailedException : Exception
{
    public IncarnationFailedException(Exception failure)
        : base(failure.Message, failure)
    {
    }

    public IncarnationFailedException()
    {
    }

    public IncarnationFailedException(string message)
        : base(message)
    {
    }

    public IncarnationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
