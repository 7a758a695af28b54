namespace TaskTonic.Dataflow.Networking;

/// <summary>Why a TCP connection closed; servers and clients count closes per reason.</summary>
public enum TcpCloseReason
{
    /// <summary><see cref="TcpConnection.Close"/> was called: pending sends were flushed first.</summary>
    ClosedLocally,

    /// <summary>The peer closed its side of the connection.</summary>
    PeerClosed,

    /// <summary>Nothing was received or sent for longer than the idle timeout.</summary>
    IdleTimeout,

    /// <summary>A frame (or its length prefix) exceeded the maximum frame size.</summary>
    FrameTooLarge,

    /// <summary>The peer closed in the middle of a frame.</summary>
    TruncatedFrame,

    /// <summary>A line was not valid UTF-8 (<see cref="TcpFraming.Lines"/>).</summary>
    InvalidUtf8,

    /// <summary>A payload was not exactly one well-formed MessagePack value (<see cref="TcpFraming.MessagePack"/>).</summary>
    InvalidMessagePack,

    /// <summary>The socket failed (reset, aborted, unreachable).</summary>
    SocketError,

    /// <summary>The connection's server or client finished (or the connection itself was finished).</summary>
    Stopped,
}
