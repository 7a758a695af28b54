namespace TaskTonic.Dataflow.Recording;

/// <summary>A recording does not fit the replayed tonic tree (a tonic, sparkle, state or timer is missing, or arguments do not decode).</summary>
public sealed class ReplayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReplayException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReplayException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ReplayException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
