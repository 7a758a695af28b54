namespace TaskTonic.Dataflow;

/// <summary>A store snapshot could not be read: it is not a snapshot, has an unsupported version, or is corrupt.</summary>
public sealed class StoreFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
