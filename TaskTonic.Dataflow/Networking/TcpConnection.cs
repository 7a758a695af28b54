using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MessagePack;

namespace TaskTonic.Dataflow.Networking;

/// <summary>
/// One TCP connection, a child tonic of its <see cref="TcpServerTonic"/> or <see cref="TcpClientTonic"/>, with the
/// states <c>connected</c> → <c>closing</c> → <c>closed</c>. Its socket is read and written with
/// <c>System.IO.Pipelines</c> by loops off every catalyst; received frames arrive as sparkles of this tonic, which
/// hands them to the owner's <see cref="ITcpEvents.NotifyData"/>. Send from any thread; nothing blocks a catalyst.
/// </summary>
[TonicStates("connected", "closing", "closed")]
#pragma warning disable CA1001 // Disposed in ttse__on_finished: a tonic's lifetime ends with its finish.
public sealed partial class TcpConnection : Tonic
{
    private readonly Socket _socket;
    private readonly ITcpEvents _events;
    private readonly TcpConnectionOptions _options;
    private readonly Action<TcpConnection, TcpCloseReason> _onClosed;
    private readonly Channel<byte[]> _outgoing;
    private readonly DeliveryCredits _credits;
    private readonly CancellationTokenSource _stop = new();
    private long _lastActivityTicks;
    private long _framesReceived;
    private long _framesSent;
    private long _rejectedSends;
    private volatile bool _acceptingSends = true;
    private bool _readerDone;
    private bool _writerDone;
    private bool _reported;
    private TcpCloseReason? _reason;

    internal TcpConnection(Socket socket, ITcpEvents events, TcpConnectionOptions options, Action<TcpConnection, TcpCloseReason> onClosed)
    {
        _socket = socket;
        _events = events;
        _options = options;
        _onClosed = onClosed;
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.MaxQueuedSends)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _credits = new DeliveryCredits(options.MaxUndeliveredFrames);
        RemoteEndPoint = socket.RemoteEndPoint;
        LocalEndPoint = socket.LocalEndPoint;
        Touch();
    }

    /// <summary>The peer's endpoint.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>This side's endpoint.</summary>
    public EndPoint? LocalEndPoint { get; }

    /// <summary>The framing of this connection.</summary>
    public TcpFraming Framing => _options.Framing;

    /// <summary>Why the connection closed (or is closing); null while connected.</summary>
    public TcpCloseReason? CloseReason => _reason;

    /// <summary>Frames received and handed to the owner.</summary>
    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    /// <summary>Frames written to the socket.</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>Sends refused because the connection was closing or closed, or because <see cref="TcpConnectionOptions.MaxQueuedSends"/> were waiting.</summary>
    public long RejectedSends => Interlocked.Read(ref _rejectedSends);

    /// <summary>Received frames whose owner handler has not run yet (bounded by <see cref="TcpConnectionOptions.MaxUndeliveredFrames"/>).</summary>
    public int UndeliveredFrames => _credits.Outstanding;

    /// <summary>The largest <see cref="UndeliveredFrames"/> seen.</summary>
    public int PeakUndeliveredFrames => _credits.Peak;

    /// <summary>Queues <paramref name="payload"/> as one frame. Thread-safe and non-blocking.</summary>
    /// <param name="payload">The payload; framed per <see cref="Framing"/>.</param>
    /// <returns>False (and counted in <see cref="RejectedSends"/>) when closing, closed or the send queue is full.</returns>
    /// <exception cref="ArgumentException">Larger than the maximum frame size; a line with <c>\n</c>; not one MessagePack value under <see cref="TcpFraming.MessagePack"/>.</exception>
    public bool Send(ReadOnlySpan<byte> payload) => SendWire(FrameEncoder.Encode(_options.Framing, _options.MaxFrameSize, payload, nameof(payload)));

    /// <summary>Queues <paramref name="text"/> as one UTF-8 frame (a line under <see cref="TcpFraming.Lines"/>). Thread-safe and non-blocking.</summary>
    /// <param name="text">The text.</param>
    /// <returns>False (and counted) when closing, closed or the send queue is full.</returns>
    /// <exception cref="ArgumentException">Too large, or a line containing <c>\n</c>.</exception>
    public bool Send(string text) => SendWire(FrameEncoder.EncodeText(_options.Framing, _options.MaxFrameSize, text, nameof(text)));

    /// <summary>Serializes <paramref name="value"/> with MessagePack and queues it as one frame. Thread-safe and non-blocking.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; null uses MessagePack's defaults.</param>
    /// <returns>False (and counted) when closing, closed or the send queue is full.</returns>
    /// <exception cref="InvalidOperationException">The framing is <see cref="TcpFraming.Lines"/>.</exception>
    public bool SendMessagePack<T>(T value, MessagePackSerializerOptions? options = null) =>
        SendWire(FrameEncoder.EncodeMessagePack(_options.Framing, _options.MaxFrameSize, value, options, nameof(value)));

    /// <summary>Closes gracefully: no new sends, queued ones are flushed, then the socket closes. Queued like any sparkle.</summary>
    public void Close() => CloseRequested();

    internal bool SendWire(byte[] wire)
    {
        if (_acceptingSends && _outgoing.Writer.TryWrite(wire))
        {
            return true;
        }

        Interlocked.Increment(ref _rejectedSends);
        return false;
    }

    private void ttse__on_start()
    {
        ToState(States.Connected);
        _events.NotifyConnected(this);
        _ = Task.Run(ReadLoopAsync);
        _ = Task.Run(WriteLoopAsync);
        if (_options.IdleTimeout is { } idle)
        {
            ArmIdleTimer(idle);
        }
    }

    private void tts__close_requested() => BeginClose(TcpCloseReason.ClosedLocally, graceful: true);

    private void tts__received(TcpFrame frame)
    {
        Interlocked.Increment(ref _framesReceived);
        if (State != States.Connected)
        {
            _credits.Release();
            return;
        }

        _events.NotifyData(this, frame);
        _credits.ReleaseAfter(_events);
    }

    private void tts__reader_ended(TcpCloseReason reason)
    {
        _readerDone = true;
        BeginClose(reason, graceful: reason == TcpCloseReason.PeerClosed);
        TryEnterClosed();
    }

    private void tts__writer_ended()
    {
        _writerDone = true;
        // The queue is flushed (or the socket failed): stop reading too (a pending receive is not woken by a shutdown).
        ShutdownSocket();
        _socket.Dispose();
        _ = _stop.CancelAsync();
        TryEnterClosed();
    }

    private void ttse__on_finished()
    {
        if (!_reported)
        {
            _reason ??= TcpCloseReason.Stopped;
            _acceptingSends = false;
            _stop.Cancel();
            ShutdownSocket();
            _socket.Dispose();
            Report();
        }

        _stop.Dispose();
    }

    private void BeginClose(TcpCloseReason reason, bool graceful)
    {
        if (State != States.Connected)
        {
            return;
        }

        _reason = reason;
        _acceptingSends = false;
        _outgoing.Writer.TryComplete();
        if (!graceful)
        {
            _ = _stop.CancelAsync();
            ShutdownSocket();
        }

        ToState(States.Closing);
    }

    private void TryEnterClosed()
    {
        if (!_readerDone || !_writerDone || _reported)
        {
            return;
        }

        _socket.Dispose();
        ToState(States.Closed);
        Report();
        Finish();
    }

    private void Report()
    {
        _reported = true;
        var reason = _reason ?? TcpCloseReason.Stopped;
        var level = reason is TcpCloseReason.ClosedLocally or TcpCloseReason.PeerClosed or TcpCloseReason.Stopped
            ? Microsoft.Extensions.Logging.LogLevel.Information
            : Microsoft.Extensions.Logging.LogLevel.Warning;
        Log($"connection {RemoteEndPoint} closed: {reason}", level);
        _onClosed(this, reason);
        if (_events is not Tonic { IsFinishing: true })
        {
            _events.NotifyDisconnected(this, reason);
        }
    }

    private void ShutdownSocket()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already reset or disposed: nothing left to shut down.
        }
    }
}
#pragma warning restore CA1001
