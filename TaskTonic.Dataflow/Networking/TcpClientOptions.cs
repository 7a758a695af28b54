namespace TaskTonic.Dataflow.Networking;

/// <summary>Connect, retry and buffering settings of a <see cref="TcpClientTonic"/>.</summary>
public sealed record TcpClientOptions
{
    private readonly int _maxConnectAttempts = 5;
    private readonly TimeSpan _initialBackoff = TimeSpan.FromMilliseconds(200);
    private readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(30);
    private readonly int _maxBufferedSends = 1024;

    /// <summary>Framing and limits of the connection.</summary>
    public TcpConnectionOptions Connection { get; init; } = new();

    /// <summary>Attempts per connect (the first included) before giving up; default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MaxConnectAttempts
    {
        get => _maxConnectAttempts;
        init => _maxConnectAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxConnectAttempts), value, "Must be at least 1.");
    }

    /// <summary>The wait before the second attempt; it doubles per attempt up to <see cref="MaxBackoff"/>. Default 200 ms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public TimeSpan InitialBackoff
    {
        get => _initialBackoff;
        init => _initialBackoff = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(InitialBackoff), value, "Must not be negative.");
    }

    /// <summary>The longest wait between attempts; default 30 s.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan MaxBackoff
    {
        get => _maxBackoff;
        init => _maxBackoff = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MaxBackoff), value, "Must be positive.");
    }

    /// <summary>Connect again after a connection is lost (not after <see cref="TcpConnection.Close"/>); default true.</summary>
    public bool Reconnect { get; init; } = true;

    /// <summary>Sends kept while not connected (default 1024); more are refused and counted in <see cref="TcpClientTonic.DroppedSends"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int MaxBufferedSends
    {
        get => _maxBufferedSends;
        init => _maxBufferedSends = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBufferedSends), value, "Must not be negative.");
    }
}
