using System.Collections.Concurrent;
using System.Net;

namespace TaskTonic.Dataflow.Networking.Http;

/// <summary>
/// A small HTTP/1.1 server as a tonic: request line, headers and a <c>Content-Length</c> body, keep-alive and
/// pipelining, on the library's own <see cref="TcpServerTonic"/> (an infusion of this tonic, one
/// <see cref="TcpConnection"/> per client). Each request arrives at the owner as a sparkle through
/// <see cref="IHttpEndpointEvents"/>; answer it with <see cref="HttpEndpointRequest.Respond(int, string, string)"/>
/// from any catalyst.
/// </summary>
/// <remarks>
/// <para>
/// Why not Kestrel: the core library stays free of ASP.NET Core (a framework reference most hosts of this runtime do
/// not need), and the endpoint reuses the TCP tonics' machinery: accept loop, Pipelines I/O off the catalysts, idle
/// timeout on the ledger's clock, close reasons. It is meant for webhooks, health and control endpoints; a public web
/// server with TLS, HTTP/2, chunked bodies and the rest belongs in Kestrel, which can post to tonics itself.
/// </para>
/// <para>
/// Malformed requests (bad request line, bad header, missing <c>Host</c> in HTTP/1.1, <c>Transfer-Encoding</c>) are
/// answered 400; a head over <see cref="HttpEndpointOptions.MaxHeaderBytes"/> 431 and a body over
/// <see cref="HttpEndpointOptions.MaxBodyBytes"/> 413. Each is counted and closes that connection after the responses
/// to the requests before it; the endpoint keeps serving the others.
/// </para>
/// </remarks>
public sealed partial class HttpEndpointTonic : Tonic
{
    private readonly TcpServerTonic _server;
    private readonly Sink _sink;
    private long _requests;
    private long _responses;
    private long _responsesDropped;
    private long _malformed;
    private long _oversize;

    /// <summary>Binds and listens on <paramref name="endPoint"/>; accepting starts with the tonic.</summary>
    /// <param name="endPoint">Where to listen; port 0 picks a free port (see <see cref="LocalEndPoint"/>).</param>
    /// <param name="events">Receives the requests (usually the creating tonic).</param>
    /// <param name="options">Limits; null uses the defaults.</param>
    /// <param name="name">The tonic's name; null for the default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> or <paramref name="events"/> is null.</exception>
    /// <exception cref="NetworkBindException">The endpoint cannot be bound (for example the port is in use).</exception>
    public HttpEndpointTonic(IPEndPoint endPoint, IHttpEndpointEvents events, HttpEndpointOptions? options = null, string? name = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(events);
        Options = options ?? new HttpEndpointOptions();
        _sink = new Sink(this, events);
        var tcp = new TcpConnectionOptions { Framing = TcpFraming.Raw, MaxFrameSize = 64 * 1024, IdleTimeout = Options.IdleTimeout };
        _server = new TcpServerTonic(endPoint, _sink, tcp, parent: this);
    }

    /// <summary>The bound endpoint (with the actual port when 0 was asked).</summary>
    public IPEndPoint LocalEndPoint => _server.LocalEndPoint;

    /// <summary>The limits in use.</summary>
    public HttpEndpointOptions Options { get; }

    /// <summary>Connections open now.</summary>
    public int OpenConnections => _server.OpenConnections;

    /// <summary>Complete requests handed to the owner.</summary>
    public long RequestsReceived => Interlocked.Read(ref _requests);

    /// <summary>Responses queued for sending.</summary>
    public long ResponsesSent => Interlocked.Read(ref _responses);

    /// <summary>Responses given after their connection had closed (nothing could be sent).</summary>
    public long ResponsesDropped => Interlocked.Read(ref _responsesDropped);

    /// <summary>Requests refused with 400 (their connection closed).</summary>
    public long MalformedRequests => Interlocked.Read(ref _malformed);

    /// <summary>Requests refused with 431 or 413 for exceeding a limit (their connection closed).</summary>
    public long OversizeRequests => Interlocked.Read(ref _oversize);

    internal void CountResponse(bool sent)
    {
        if (sent)
        {
            Interlocked.Increment(ref _responses);
        }
        else
        {
            Interlocked.Increment(ref _responsesDropped);
        }
    }

    private void Reject(HttpConnectionState state, ParseStatus status)
    {
        state.Done = true;
        var (code, text) = status switch
        {
            ParseStatus.HeadTooLarge => (431, "request head too large"),
            ParseStatus.BodyTooLarge => (413, "request body too large"),
            _ => (400, "malformed request"),
        };
        if (status == ParseStatus.Malformed)
        {
            Interlocked.Increment(ref _malformed);
        }
        else
        {
            Interlocked.Increment(ref _oversize);
        }

        Log($"HTTP request from {state.Connection.RemoteEndPoint} refused with {code}: {text}", Microsoft.Extensions.Logging.LogLevel.Warning);
        state.Complete(state.NextSequence(), HttpResponseWriter.Build(code, Utf8.Strict.GetBytes(text), "text/plain; charset=utf-8", null, close: true), close: true);
    }

    /// <summary>Receives the TCP events of the endpoint's connections, on each connection's own sparkles.</summary>
    private sealed class Sink(HttpEndpointTonic endpoint, IHttpEndpointEvents events) : ITcpEvents
    {
        private readonly ConcurrentDictionary<TcpConnection, HttpConnectionState> _states = new();

        public void NotifyConnected(TcpConnection connection) =>
            _states[connection] = new HttpConnectionState(connection, new HttpRequestParser(endpoint.Options.MaxHeaderBytes, endpoint.Options.MaxBodyBytes));

        public void NotifyData(TcpConnection connection, TcpFrame frame)
        {
            if (!_states.TryGetValue(connection, out var state) || state.Done)
            {
                return;
            }

            state.Parser.Append(frame.Payload.Span);
            while (true)
            {
                var status = state.Parser.TryTake(out var head, out var body);
                if (status == ParseStatus.NeedMore)
                {
                    return;
                }

                if (status != ParseStatus.Request)
                {
                    endpoint.Reject(state, status);
                    return;
                }

                var id = Interlocked.Increment(ref endpoint._requests);
                events.NotifyRequest(new HttpEndpointRequest(id, head!, body, state, state.NextSequence(), endpoint));
                if (!head!.KeepAlive)
                {
                    state.Done = true; // the connection closes after this response: ignore anything after it
                    return;
                }
            }
        }

        public void NotifyDisconnected(TcpConnection connection, TcpCloseReason reason) => _states.TryRemove(connection, out _);
    }
}
