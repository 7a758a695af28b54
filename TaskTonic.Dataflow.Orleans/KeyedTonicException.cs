namespace TaskTonic.Dataflow.Orleans;

/// <summary>A keyed command could not be applied on the silo: unknown handler id, undecodable message, or the tonic's handler threw.</summary>
[GenerateSerializer]
public sealed class KeyedTonicException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public KeyedTonicException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public KeyedTonicException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public KeyedTonicException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
