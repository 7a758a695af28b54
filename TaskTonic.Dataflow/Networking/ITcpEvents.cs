namespace TaskTonic.Dataflow.Networking;

/// <summary>
/// What a TCP server or client tells its owner. Implement it on a tonic with the handlers <c>ttse__on_connected</c>,
/// <c>ttse__on_data</c> and <c>ttse__on_disconnected</c>: the generated entry points <c>NotifyConnected</c>,
/// <c>NotifyData</c> and <c>NotifyDisconnected</c> satisfy the interface, so every event arrives as a sparkle of the owner.
/// </summary>
/// <remarks>
/// Per connection the order is: one <see cref="NotifyConnected"/>, the frames in arrival order, one
/// <see cref="NotifyDisconnected"/>. When the implementation is a tonic, frames wait in its mailbox and count against
/// <see cref="TcpConnectionOptions.MaxUndeliveredFrames"/> until its handler ran (that is the back-pressure).
/// </remarks>
public interface ITcpEvents
{
    /// <summary>A connection is established and reading.</summary>
    /// <param name="connection">The connection; send on it from any thread.</param>
    void NotifyConnected(TcpConnection connection);

    /// <summary>A frame arrived.</summary>
    /// <param name="connection">The connection it arrived on.</param>
    /// <param name="frame">The frame.</param>
    void NotifyData(TcpConnection connection, TcpFrame frame);

    /// <summary>The connection closed; nothing more arrives from it.</summary>
    /// <param name="connection">The closed connection.</param>
    /// <param name="reason">Why it closed.</param>
    void NotifyDisconnected(TcpConnection connection, TcpCloseReason reason);
}
