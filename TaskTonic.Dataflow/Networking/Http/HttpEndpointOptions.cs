namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>Limits and timeouts of an <see cref="HttpEndpointTonic"/>.</summary>
public sealed record HttpEndpointOptions
{
    private readonly int _maxHeaderBytes = 16 * 1024;
    private readonly int _maxBodyBytes = 1024 * 1024;
    private readonly TimeSpan? _idleTimeout;

    /// <summary>
    /// The largest request head (request line and headers, with their line ends) in bytes, default 16 KiB. A larger
    /// one is answered with 431, counted in <see cref="HttpEndpointTonic.OversizeRequests"/>, and the connection closes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int MaxHeaderBytes
    {
        get => _maxHeaderBytes;
        init => _maxHeaderBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxHeaderBytes), value, "Must be positive.");
    }

    /// <summary>
    /// The largest request body (its <c>Content-Length</c>) in bytes, default 1 MiB. A larger one is answered with 413
    /// before the body is read, counted in <see cref="HttpEndpointTonic.OversizeRequests"/>, and the connection closes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int MaxBodyBytes
    {
        get => _maxBodyBytes;
        init => _maxBodyBytes = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBodyBytes), value, "Must not be negative.");
    }

    /// <summary>Closes a keep-alive connection after this long without traffic (on the ledger's clock); null (default) never.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan? IdleTimeout
    {
        get => _idleTimeout;
        init => _idleTimeout = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(IdleTimeout), value, "Must be positive.");
    }
}
