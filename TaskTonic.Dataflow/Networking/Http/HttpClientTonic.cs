using System.Collections.Concurrent;

namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>
/// An <see cref="HttpClient"/> as a tonic: <see cref="TrySend"/> starts a request from any thread without blocking;
/// its response, or its failure or time-out, arrives at the owner as a sparkle through
/// <see cref="IHttpClientEvents"/>. At most <see cref="HttpClientTonicOptions.MaxInFlight"/> requests run at once;
/// more are refused and counted. Finishing the tonic cancels what is in flight (no events follow).
/// </summary>
/// <remarks>
/// The <see cref="HttpClient"/> is the caller's (share one per process, or one from <c>IHttpClientFactory</c>); the
/// tonic never disposes it. Time-outs run on the ledger's <see cref="TimeProvider"/>, so tests drive them with a fake clock.
/// </remarks>
#pragma warning disable CA1001 // Disposed in ttse__on_finished: a tonic's lifetime ends with its finish.
public sealed partial class HttpClientTonic : Tonic
{
    private readonly HttpClient _client;
    private readonly IHttpClientEvents _events;
    private readonly HttpClientTonicOptions _options;
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private long _nextId;
    private long _responses;
    private long _failed;
    private long _timedOut;
    private long _rejected;
    private int _inFlight;

    /// <summary>Creates the client tonic.</summary>
    /// <param name="client">The HTTP client requests are sent with (not disposed by the tonic).</param>
    /// <param name="events">Receives responses and failures (usually the creating tonic).</param>
    /// <param name="options">Limits; null uses the defaults.</param>
    /// <param name="name">The tonic's name; null for the default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="events"/> is null.</exception>
    public HttpClientTonic(HttpClient client, IHttpClientEvents events, HttpClientTonicOptions? options = null, string? name = null)
        : base(name)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _options = options ?? new HttpClientTonicOptions();
    }

    /// <summary>Requests sent whose response or failure has not been handed to the owner yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Responses handed to the owner.</summary>
    public long ResponsesReceived => Interlocked.Read(ref _responses);

    /// <summary>Requests that failed or were canceled (time-outs are counted in <see cref="TimedOutCount"/>).</summary>
    public long FailedCount => Interlocked.Read(ref _failed);

    /// <summary>Requests that timed out.</summary>
    public long TimedOutCount => Interlocked.Read(ref _timedOut);

    /// <summary>Requests refused by <see cref="TrySend"/> (in-flight limit reached, or the tonic finishing).</summary>
    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>Starts sending <paramref name="request"/>. Thread-safe and non-blocking; the tonic disposes the request when done.</summary>
    /// <param name="request">The request.</param>
    /// <param name="requestId">The id its response or failure will carry; 0 when refused.</param>
    /// <returns>False (counted in <see cref="RejectedCount"/>) when <see cref="HttpClientTonicOptions.MaxInFlight"/> requests are in flight or the tonic is finishing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public bool TrySend(HttpRequestMessage request, out long requestId)
    {
        ArgumentNullException.ThrowIfNull(request);
        requestId = 0;
        if (IsFinishing || Interlocked.Increment(ref _inFlight) > _options.MaxInFlight)
        {
            if (!IsFinishing)
            {
                Interlocked.Decrement(ref _inFlight);
            }

            Interlocked.Increment(ref _rejected);
            return false;
        }

        requestId = Interlocked.Increment(ref _nextId);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _pending[requestId] = cancel;
        _ = RunAsync(requestId, request, cancel);
        return true;
    }

    /// <summary>Cancels request <paramref name="requestId"/>; its owner gets a <see cref="HttpClientFailureKind.Canceled"/> failure. Thread-safe.</summary>
    /// <param name="requestId">The id from <see cref="TrySend"/>.</param>
    /// <returns>False when that request is not in flight (any more).</returns>
    public bool Cancel(long requestId)
    {
        if (!_pending.TryGetValue(requestId, out var cancel))
        {
            return false;
        }

        try
        {
            cancel.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false; // it ended meanwhile
        }
    }

#pragma warning disable CA1031 // Every failure of a request is reported to the owner.
    private async Task RunAsync(long id, HttpRequestMessage request, CancellationTokenSource cancel)
    {
        using var timeout = _options.Timeout is { } limit ? new CancellationTokenSource(limit, Ledger.TimeProvider) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancel.Token, timeout.Token);
        var token = linked?.Token ?? cancel.Token;
        try
        {
            using (request)
            using (var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false))
            {
                var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                var headers = response.Headers.Concat(response.Content.Headers)
                    .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
                End(new HttpClientResponse(id, response.StatusCode, headers, body));
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            End(new HttpClientFailure(id, HttpClientFailureKind.Canceled, null));
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true)
        {
            End(new HttpClientFailure(id, HttpClientFailureKind.TimedOut, null));
        }
        catch (Exception ex)
        {
            End(new HttpClientFailure(id, HttpClientFailureKind.Failed, ex));
        }
    }
#pragma warning restore CA1031

    private void End(HttpClientResponse response)
    {
        if (!IsFinishing)
        {
            Responded(response);
        }
    }

    private void End(HttpClientFailure failure)
    {
        if (!IsFinishing)
        {
            RequestFailed(failure);
        }
    }

    private void tts__responded(HttpClientResponse response)
    {
        Forget(response.RequestId);
        Interlocked.Increment(ref _responses);
        _events.NotifyResponse(this, response);
    }

    private void tts__request_failed(HttpClientFailure failure)
    {
        Forget(failure.RequestId);
        Interlocked.Increment(ref failure.Kind == HttpClientFailureKind.TimedOut ? ref _timedOut : ref _failed);
        Log($"HTTP request {failure.RequestId} ended without a response: {failure}", Microsoft.Extensions.Logging.LogLevel.Warning);
        _events.NotifyFailure(this, failure);
    }

    private void Forget(long id)
    {
        if (_pending.TryRemove(id, out var cancel))
        {
            cancel.Dispose();
        }

        Interlocked.Decrement(ref _inFlight);
    }

    private void ttse__on_finished()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
#pragma warning restore CA1001
