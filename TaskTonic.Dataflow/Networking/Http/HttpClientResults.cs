using System.Net;
using System.Text;

namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>A response received by an <see cref="HttpClientTonic"/>: status, headers and the whole body, immutable.</summary>
[PassByReference]
public sealed class HttpClientResponse
{
    private readonly byte[] _body;

    internal HttpClientResponse(long requestId, HttpStatusCode statusCode, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        RequestId = requestId;
        StatusCode = statusCode;
        Headers = headers;
        _body = body;
    }

    /// <summary>The id <see cref="HttpClientTonic.TrySend"/> gave the request.</summary>
    public long RequestId { get; }

    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Response and content headers, names case-insensitive; repeated values joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body (a private copy).</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The body decoded as UTF-8.</summary>
    /// <exception cref="DecoderFallbackException">The body is not valid UTF-8.</exception>
    public string BodyText => Utf8.Strict.GetString(_body);

    /// <inheritdoc />
    public override string ToString() => $"HttpClientResponse({RequestId}: {(int)StatusCode}, {_body.Length} body bytes)";
}

/// <summary>Why an <see cref="HttpClientTonic"/> request produced no response.</summary>
public enum HttpClientFailureKind
{
    /// <summary>No response within <see cref="HttpClientTonicOptions.Timeout"/> (on the ledger's clock).</summary>
    TimedOut,

    /// <summary><see cref="HttpClientTonic.Cancel"/> was called for it.</summary>
    Canceled,

    /// <summary>The request failed (connection refused or reset, invalid response, …); see <see cref="HttpClientFailure.Error"/>.</summary>
    Failed,
}

/// <summary>A request of an <see cref="HttpClientTonic"/> that ended without a response.</summary>
[PassByReference]
public sealed class HttpClientFailure
{
    internal HttpClientFailure(long requestId, HttpClientFailureKind kind, Exception? error)
    {
        RequestId = requestId;
        Kind = kind;
        Error = error;
    }

    /// <summary>The id <see cref="HttpClientTonic.TrySend"/> gave the request.</summary>
    public long RequestId { get; }

    /// <summary>Why it failed.</summary>
    public HttpClientFailureKind Kind { get; }

    /// <summary>The exception for <see cref="HttpClientFailureKind.Failed"/>; null otherwise.</summary>
    public Exception? Error { get; }

    /// <inheritdoc />
    public override string ToString() => $"HttpClientFailure({RequestId}: {Kind}{(Error is null ? string.Empty : ": " + Error.Message)})";
}

/// <summary>What an <see cref="HttpClientTonic"/> tells its owner; implement it with <c>ttse__on_response</c> and <c>ttse__on_failure</c> handlers.</summary>
public interface IHttpClientEvents
{
    /// <summary>A response arrived (any status code, 4xx and 5xx included).</summary>
    /// <param name="client">The client that sent the request.</param>
    /// <param name="response">The response.</param>
    void NotifyResponse(HttpClientTonic client, HttpClientResponse response);

    /// <summary>A request ended without a response: timed out, canceled or failed.</summary>
    /// <param name="client">The client that sent the request.</param>
    /// <param name="failure">What happened.</param>
    void NotifyFailure(HttpClientTonic client, HttpClientFailure failure);
}
