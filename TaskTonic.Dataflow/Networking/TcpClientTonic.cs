using System.Net;
using System.Net.Sockets;
using MessagePack;
using Polly;
using Polly.Retry;
using TaskTonic.Dataflow.Tasks;

namespace TaskTonic.Dataflow.Networking;

/// <summary>
/// A TCP client with the states <c>connecting</c> → <c>connected</c> (→ <c>connecting</c> again after a loss) or
/// <c>failed</c>. It connects with retry and exponential backoff through a Polly pipeline on the ledger's
/// <see cref="TimeProvider"/>, off the catalyst. Sends made while not connected are buffered (bounded, overflow
/// counted) and flushed in order on connect. The live connection is a <see cref="TcpConnection"/> child tonic.
/// </summary>
[TonicStates("connecting", "connected", "failed")]
public sealed partial class TcpClientTonic : Tonic
{
    private readonly EndPoint _remote;
    private readonly ITcpClientEvents _events;
    private readonly TcpClientOptions _options;
    private readonly Queue<byte[]> _buffered = new();
    private readonly Lock _gate = new();
    private readonly CloseCounter _closes = new();
    private readonly Action<TcpConnection, TcpCloseReason> _onClosed;
    private ResiliencePipeline<Socket>? _pipeline;
    private TcpConnection? _connection;
    private long _attempts;
    private long _droppedSends;
    private long _connects;

    /// <summary>Creates the client; it starts connecting when the tonic starts.</summary>
    /// <param name="remote">The server to connect to.</param>
    /// <param name="events">Receives the events (usually the creating tonic).</param>
    /// <param name="options">Retry, buffering and connection settings; null uses the defaults.</param>
    /// <param name="name">The tonic's name; null for the default.</param>
    public TcpClientTonic(EndPoint remote, ITcpClientEvents events, TcpClientOptions? options = null, string? name = null)
        : base(name)
    {
        _remote = remote ?? throw new ArgumentNullException(nameof(remote));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _options = options ?? new TcpClientOptions();
        _onClosed = (connection, reason) =>
        {
            _closes.Count(reason);
            PostUserCallback(() => OnConnectionClosed(connection, reason));
        };
    }

    /// <summary>The live connection, or null while connecting or failed.</summary>
    public TcpConnection? Connection
    {
        get
        {
            lock (_gate)
            {
                return _connection;
            }
        }
    }

    /// <summary>Connect attempts made so far (all connects, retries included).</summary>
    public long ConnectAttempts => Interlocked.Read(ref _attempts);

    /// <summary>Successful connects so far (1 + reconnects).</summary>
    public long ConnectCount => Interlocked.Read(ref _connects);

    /// <summary>Sends refused: the buffer was full while not connected, or the client has finished or failed.</summary>
    public long DroppedSends => Interlocked.Read(ref _droppedSends);

    /// <summary>How many connections closed for <paramref name="reason"/>.</summary>
    /// <param name="reason">The close reason.</param>
    public long ClosedCount(TcpCloseReason reason) => _closes.Get(reason);

    /// <summary>Sends one frame now, or buffers it until connected. Thread-safe and non-blocking.</summary>
    /// <param name="payload">The payload.</param>
    /// <returns>False when refused (counted in <see cref="DroppedSends"/> or the connection's rejected sends).</returns>
    public bool Send(ReadOnlySpan<byte> payload) => SendWire(FrameEncoder.Encode(_options.Connection.Framing, _options.Connection.MaxFrameSize, payload, nameof(payload)));

    /// <summary>Sends one UTF-8 frame (a line under <see cref="TcpFraming.Lines"/>) now, or buffers it. Thread-safe and non-blocking.</summary>
    /// <param name="text">The text.</param>
    /// <returns>False when refused (counted).</returns>
    public bool Send(string text) => SendWire(FrameEncoder.EncodeText(_options.Connection.Framing, _options.Connection.MaxFrameSize, text, nameof(text)));

    /// <summary>Sends one MessagePack-serialized value now, or buffers it. Thread-safe and non-blocking.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; null uses MessagePack's defaults.</param>
    /// <returns>False when refused (counted).</returns>
    public bool SendMessagePack<T>(T value, MessagePackSerializerOptions? options = null) =>
        SendWire(FrameEncoder.EncodeMessagePack(_options.Connection.Framing, _options.Connection.MaxFrameSize, value, options, nameof(value)));

    private bool SendWire(byte[] wire)
    {
        lock (_gate)
        {
            if (_connection is { } connection)
            {
                return connection.SendWire(wire);
            }

            if (!IsFinishing && State != States.Failed && _buffered.Count < _options.MaxBufferedSends)
            {
                _buffered.Enqueue(wire);
                return true;
            }
        }

        Interlocked.Increment(ref _droppedSends);
        return false;
    }

    private void ttse__on_start()
    {
        _pipeline = new ResiliencePipelineBuilder<Socket> { TimeProvider = Ledger.TimeProvider }
            .AddRetry(new RetryStrategyOptions<Socket>
            {
                ShouldHandle = new PredicateBuilder<Socket>().Handle<SocketException>(),
                MaxRetryAttempts = _options.MaxConnectAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _options.InitialBackoff,
                MaxDelay = _options.MaxBackoff,
                UseJitter = false,
            })
            .Build();
        ToState(States.Connecting);
    }

    private void ttse_connecting__on_enter()
    {
        ConnectAsync().DeliverTo(this, OnSocketConnected, OnConnectFailed);
    }

    private async Task<Socket> ConnectAsync() => await _pipeline!.ExecuteAsync(async cancellation =>
    {
        Interlocked.Increment(ref _attempts);
        var socket = new Socket(_remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_remote, cancellation).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }).ConfigureAwait(false);

    private void OnSocketConnected(Socket socket)
    {
        if (IsFinishing)
        {
            socket.Dispose();
            return;
        }

        Interlocked.Increment(ref _connects);
        var connection = new TcpConnection(socket, _events, _options.Connection, _onClosed);
        lock (_gate)
        {
            while (_buffered.TryDequeue(out var wire))
            {
                connection.SendWire(wire);
            }

            _connection = connection;
        }

        ToState(States.Connected);
    }

    private void OnConnectFailed(Exception error)
    {
        ToState(States.Failed);
        int dropped;
        lock (_gate)
        {
            dropped = _buffered.Count;
            _buffered.Clear();
        }

        Interlocked.Add(ref _droppedSends, dropped);
        Log($"connecting to {_remote} failed after {_options.MaxConnectAttempts} attempts: {error.Message}", Microsoft.Extensions.Logging.LogLevel.Warning);
        _events.NotifyConnectFailed(this, error);
    }

    private void OnConnectionClosed(TcpConnection connection, TcpCloseReason reason)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_connection, connection))
            {
                _connection = null;
            }
        }

        if (!IsFinishing && _options.Reconnect && reason != TcpCloseReason.ClosedLocally)
        {
            ToState(States.Connecting);
        }
    }

    private void ttse__on_finished()
    {
        lock (_gate)
        {
            Interlocked.Add(ref _droppedSends, _buffered.Count);
            _buffered.Clear();
        }
    }
}
