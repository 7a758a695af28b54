namespace TaskTonic.Dataflow.Networking;

/// <summary>How a TCP byte stream is cut into frames (and how sent payloads are framed on the wire).</summary>
public enum TcpFraming
{
    /// <summary>No framing: every chunk the socket delivers is one frame (at most the maximum frame size); sends go out as given.</summary>
    Raw,

    /// <summary>UTF-8 text lines ended by <c>\n</c> (a trailing <c>\r</c> is removed); invalid UTF-8 closes the connection.</summary>
    Lines,

    /// <summary>A 4-byte big-endian unsigned length, then that many payload bytes.</summary>
    LengthPrefixed,

    /// <summary>Like <see cref="LengthPrefixed"/>, and each payload must be exactly one well-formed MessagePack value.</summary>
    MessagePack,
}
