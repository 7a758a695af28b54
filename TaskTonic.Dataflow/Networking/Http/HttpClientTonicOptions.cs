namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>Limits of an <see cref="HttpClientTonic"/>.</summary>
public sealed record HttpClientTonicOptions
{
    private readonly int _maxInFlight = 16;
    private readonly TimeSpan? _timeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How many requests may be in flight at once (default 16). <see cref="HttpClientTonic.TrySend"/> refuses more and
    /// counts them in <see cref="HttpClientTonic.RejectedCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public int MaxInFlight
    {
        get => _maxInFlight;
        init => _maxInFlight = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxInFlight), value, "Must be positive.");
    }

    /// <summary>
    /// How long a request (including reading its body) may take, on the ledger's <see cref="TimeProvider"/> (default
    /// 100 s); null never times out. Set the <see cref="System.Net.Http.HttpClient.Timeout"/> of the client you pass to
    /// <see cref="Timeout.InfiniteTimeSpan"/> so that this one applies alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init => _timeout = value is null || value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Timeout), value, "Must be positive.");
    }
}
