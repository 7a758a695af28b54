namespace TaskTonic.Dataflow.Recording;

/// <summary>A recording cannot be read: it is not a recording, its format version is not supported, or it is corrupt or truncated.</summary>
public sealed class RecordingFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecordingFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RecordingFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RecordingFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the byte offset where reading failed.</summary>
    public RecordingFormatException(string message, long offset, Exception? innerException = null)
        : base($"{message} (at byte {offset})", innerException) => Offset = offset;

    /// <summary>The byte offset in the stream where reading failed, or -1.</summary>
    public long Offset { get; } = -1;
}
