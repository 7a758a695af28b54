namespace TaskTonic.Dataflow.Testing;

/// <summary>Thrown by the distiller's assertions (<see cref="SparkleTraceExtensions"/>); test frameworks report its message.</summary>
public sealed class DistillerAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DistillerAssertionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DistillerAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public DistillerAssertionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
