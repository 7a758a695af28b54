namespace TaskTonic.Dataflow.Networking;

/// <summary>Framing, limits and timeouts of TCP connections (server side and client side alike).</summary>
public sealed record TcpConnectionOptions
{
    private readonly int _maxFrameSize = 1024 * 1024;
    private readonly int _maxUndeliveredFrames = 64;
    private readonly int _maxQueuedSends = 4096;
    private readonly TimeSpan? _idleTimeout;

    /// <summary>How the byte stream is cut into frames; default <see cref="TcpFraming.LengthPrefixed"/>.</summary>
    public TcpFraming Framing { get; init; } = TcpFraming.LengthPrefixed;

    /// <summary>The largest frame payload accepted or sent, in bytes (default 1 MiB). A larger one closes the connection.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int MaxFrameSize
    {
        get => _maxFrameSize;
        init => _maxFrameSize = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFrameSize), value, "Must be positive.");
    }

    /// <summary>
    /// Back-pressure: how many received frames may wait for the owner's handlers at once (default 64). When reached,
    /// the connection stops reading from the socket until the owner catches up, so TCP flow control slows the peer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int MaxUndeliveredFrames
    {
        get => _maxUndeliveredFrames;
        init => _maxUndeliveredFrames = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxUndeliveredFrames), value, "Must be positive.");
    }

    /// <summary>
    /// How many sent frames may wait for the socket (default 4096). A send beyond it is refused (returns false) and
    /// counted in <see cref="TcpConnection.RejectedSends"/>: a peer that does not read cannot grow memory without bound.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int MaxQueuedSends
    {
        get => _maxQueuedSends;
        init => _maxQueuedSends = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxQueuedSends), value, "Must be positive.");
    }

    /// <summary>Closes a connection with <see cref="TcpCloseReason.IdleTimeout"/> after this long without traffic; null (default) never.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan? IdleTimeout
    {
        get => _idleTimeout;
        init => _idleTimeout = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(IdleTimeout), value, "Must be positive.");
    }
}
