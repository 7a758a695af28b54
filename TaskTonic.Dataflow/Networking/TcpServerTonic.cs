using System.Net;
using System.Net.Sockets;

namespace TaskTonic.Dataflow.Networking;

/// <summary>
/// A TCP server: listens on an endpoint (bound when constructed, so a port in use throws at once) and accepts any
/// number of connections. Each connection is a <see cref="TcpConnection"/> child tonic; events go to the owner
/// through <see cref="ITcpEvents"/>. Finishing the server closes the listener and every connection.
/// </summary>
#pragma warning disable CA1001 // Disposed in ttse__on_finished: a tonic's lifetime ends with its finish.
public sealed partial class TcpServerTonic : Tonic
{
    private readonly Socket _listener;
    private readonly ITcpEvents _events;
    private readonly TcpConnectionOptions _options;
    private readonly CloseCounter _closes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Action<TcpConnection, TcpCloseReason> _onClosed;
    private long _accepted;
    private int _open;

    /// <summary>Binds and listens on <paramref name="endPoint"/>; accepting starts with the tonic.</summary>
    /// <param name="endPoint">Where to listen; port 0 picks a free port (see <see cref="LocalEndPoint"/>).</param>
    /// <param name="events">Receives the connection events (usually the creating tonic).</param>
    /// <param name="options">Framing and limits for every connection; null uses the defaults.</param>
    /// <param name="name">The tonic's name; null for the default.</param>
    /// <exception cref="NetworkBindException">The endpoint cannot be bound (for example the port is in use).</exception>
    public TcpServerTonic(IPEndPoint endPoint, ITcpEvents events, TcpConnectionOptions? options = null, string? name = null)
        : this(SocketBinding.Listen(endPoint, backlog: 1024), events ?? throw new ArgumentNullException(nameof(events)), options, new TonicOptions { Name = name })
    {
    }

    /// <summary>A server created as an infusion of <paramref name="parent"/> (used by tonics built on it, such as the HTTP endpoint).</summary>
    internal TcpServerTonic(IPEndPoint endPoint, ITcpEvents events, TcpConnectionOptions options, Tonic parent)
        : this(SocketBinding.Listen(endPoint, backlog: 1024), events, options, new TonicOptions { Parent = parent })
    {
    }

    private TcpServerTonic(Socket listener, ITcpEvents events, TcpConnectionOptions? options, TonicOptions tonicOptions)
        : base(tonicOptions)
    {
        _listener = listener;
        _events = events;
        _options = options ?? new TcpConnectionOptions();
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _onClosed = (_, reason) =>
        {
            _closes.Count(reason);
            Interlocked.Decrement(ref _open);
        };
    }

    /// <summary>The bound endpoint (with the actual port when 0 was asked).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The options every connection uses.</summary>
    public TcpConnectionOptions Options => _options;

    /// <summary>Connections accepted so far.</summary>
    public long AcceptedCount => Interlocked.Read(ref _accepted);

    /// <summary>Connections open now.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>How many connections closed for <paramref name="reason"/>.</summary>
    /// <param name="reason">The close reason.</param>
    public long ClosedCount(TcpCloseReason reason) => _closes.Get(reason);

    private void ttse__on_start() => _ = Task.Run(AcceptLoopAsync);

    private void tts__accepted([PassByReference] Socket socket)
    {
        if (IsFinishing)
        {
            socket.Dispose();
            return;
        }

        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
        socket.NoDelay = true;
        _ = new TcpConnection(socket, _events, _options, _onClosed);
    }

    private void ttse__on_finished()
    {
        _stop.Cancel();
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
                Accepted(socket);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener closed: the server is finishing.
        }
    }
}
#pragma warning restore CA1001

/// <summary>Thread-safe counts of connection closes per <see cref="TcpCloseReason"/>.</summary>
internal sealed class CloseCounter
{
    private readonly long[] _counts = new long[Enum.GetValues<TcpCloseReason>().Length];

    public void Count(TcpCloseReason reason) => Interlocked.Increment(ref _counts[(int)reason]);

    public long Get(TcpCloseReason reason) =>
        (uint)reason < (uint)_counts.Length ? Interlocked.Read(ref _counts[(int)reason]) : throw new ArgumentOutOfRangeException(nameof(reason), reason, null);
}
