using System.Net;
using System.Text;

namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>
/// One HTTP request received by an <see cref="HttpEndpointTonic"/>: immutable, safe to hand to any catalyst, and the
/// handle to answer it. Respond exactly once, from any thread; responses on one connection go out in request order.
/// </summary>
[PassByReference]
public sealed class HttpEndpointRequest
{
    private readonly byte[] _body;
    private readonly HttpConnectionState _connection;
    private readonly long _sequence;
    private readonly HttpEndpointTonic _endpoint;
    private int _responded;

    internal HttpEndpointRequest(long id, HttpHead head, byte[] body, HttpConnectionState connection, long sequence, HttpEndpointTonic endpoint)
    {
        Id = id;
        Method = head.Method;
        Target = head.Target;
        Version = head.Version;
        Headers = head.Headers;
        KeepAlive = head.KeepAlive;
        _body = body;
        _connection = connection;
        _sequence = sequence;
        _endpoint = endpoint;
        RemoteEndPoint = connection.Connection.RemoteEndPoint;
    }

    /// <summary>Unique among the requests of its endpoint, in arrival order per connection.</summary>
    public long Id { get; }

    /// <summary>The method, for example <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The request target as sent, for example <c>/orders?id=7</c>.</summary>
    public string Target { get; }

    /// <summary>The target's path: <see cref="Target"/> up to the first <c>?</c>.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary><c>HTTP/1.1</c> or <c>HTTP/1.0</c>.</summary>
    public string Version { get; }

    /// <summary>The headers, names case-insensitive; repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body (empty without <c>Content-Length</c>).</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The body decoded as UTF-8.</summary>
    /// <exception cref="DecoderFallbackException">The body is not valid UTF-8.</exception>
    public string BodyText => Utf8.Strict.GetString(_body);

    /// <summary>Whether the connection stays open after the response (HTTP/1.1 without <c>Connection: close</c>).</summary>
    public bool KeepAlive { get; }

    /// <summary>The client's endpoint.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>True once a response was given.</summary>
    public bool IsResponded => Volatile.Read(ref _responded) != 0;

    /// <summary>Answers the request. Thread-safe; call it once, from any catalyst or thread.</summary>
    /// <param name="statusCode">The status, 100–599.</param>
    /// <param name="body">The body; its length is sent as <c>Content-Length</c>.</param>
    /// <param name="contentType">The <c>Content-Type</c>; null sends none.</param>
    /// <param name="headers">More headers (not <c>Content-Length</c> or <c>Connection</c>, which the endpoint sets).</param>
    /// <returns>False (counted in <see cref="HttpEndpointTonic.ResponsesDropped"/>) when the connection has closed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–599.</exception>
    /// <exception cref="ArgumentException">A header name or value is not valid in HTTP.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered.</exception>
    public bool Respond(int statusCode, ReadOnlySpan<byte> body, string? contentType = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        var wire = HttpResponseWriter.Build(statusCode, body, contentType, headers, close: !KeepAlive);
        if (Interlocked.Exchange(ref _responded, 1) != 0)
        {
            throw new InvalidOperationException($"Request {Id} ({Method} {Target}) was already answered.");
        }

        var sent = _connection.Complete(_sequence, wire, close: !KeepAlive);
        _endpoint.CountResponse(sent);
        return sent;
    }

    /// <summary>Answers the request with a text body encoded as UTF-8. Thread-safe; call it once.</summary>
    /// <param name="statusCode">The status, 100–599.</param>
    /// <param name="text">The body text.</param>
    /// <param name="contentType">The <c>Content-Type</c> (default <c>text/plain; charset=utf-8</c>).</param>
    /// <returns>False (counted) when the connection has closed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–599.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered.</exception>
    public bool Respond(int statusCode, string text, string contentType = "text/plain; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Respond(statusCode, Encoding.UTF8.GetBytes(text), contentType);
    }

    /// <inheritdoc />
    public override string ToString() => $"HttpEndpointRequest({Id}: {Method} {Target}, {_body.Length} body bytes)";
}
