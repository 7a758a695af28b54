using System.Net;
using System.Net.Sockets;

namespace TaskTonic.Dataflow.Networking;

/// <summary>
/// A UDP socket as a tonic: bound when constructed (a port in use throws at once), it receives off the catalyst and
/// delivers each datagram to the owner's <see cref="IUdpEvents.NotifyDatagram"/> as a sparkle. At most
/// <c>maxUndelivered</c> datagrams wait for the owner; beyond that it stops receiving and the kernel drops (UDP has no
/// flow control). Send from any thread.
/// </summary>
#pragma warning disable CA1001 // Disposed in ttse__on_finished: a tonic's lifetime ends with its finish.
public sealed partial class UdpTonic : Tonic
{
    private const int MaxDatagram = 65_527;
    private readonly Socket _socket;
    private readonly IUdpEvents _events;
    private readonly DeliveryCredits _credits;
    private readonly CancellationTokenSource _stop = new();
    private long _received;
    private long _sent;
    private long _sendFailures;

    /// <summary>Binds <paramref name="endPoint"/>; receiving starts with the tonic.</summary>
    /// <param name="endPoint">The local endpoint; port 0 picks a free port (see <see cref="LocalEndPoint"/>).</param>
    /// <param name="events">Receives the datagrams (usually the creating tonic).</param>
    /// <param name="maxUndelivered">Datagrams that may wait for the owner at once (default 256).</param>
    /// <param name="name">The tonic's name; null for the default.</param>
    /// <exception cref="NetworkBindException">The endpoint cannot be bound.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxUndelivered"/> is not positive.</exception>
    public UdpTonic(IPEndPoint endPoint, IUdpEvents events, int maxUndelivered = 256, string? name = null)
        : this(SocketBinding.BindUdp(endPoint), events ?? throw new ArgumentNullException(nameof(events)),
            maxUndelivered > 0 ? maxUndelivered : throw new ArgumentOutOfRangeException(nameof(maxUndelivered), maxUndelivered, "Must be positive."), name)
    {
    }

    private UdpTonic(Socket socket, IUdpEvents events, int maxUndelivered, string? name)
        : base(name)
    {
        _socket = socket;
        _events = events;
        _credits = new DeliveryCredits(maxUndelivered);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>The bound endpoint (with the actual port when 0 was asked).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams received and handed to the owner.</summary>
    public long DatagramsReceived => Interlocked.Read(ref _received);

    /// <summary>Datagrams sent.</summary>
    public long DatagramsSent => Interlocked.Read(ref _sent);

    /// <summary>Sends that failed (socket error, or the tonic has finished); each is also logged.</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>Sends one datagram. Thread-safe; UDP sends do not wait for the peer.</summary>
    /// <param name="payload">At most 65,527 bytes.</param>
    /// <param name="remote">The destination.</param>
    /// <returns>False (counted in <see cref="SendFailures"/>) when the send failed or the tonic has finished.</returns>
    /// <exception cref="ArgumentException">The payload is larger than a UDP datagram.</exception>
    public bool Send(ReadOnlySpan<byte> payload, IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (payload.Length > MaxDatagram)
        {
            throw new ArgumentException($"A UDP datagram holds at most {MaxDatagram} bytes; got {payload.Length}.", nameof(payload));
        }

        try
        {
            _socket.SendTo(payload, SocketFlags.None, remote);
            Interlocked.Increment(ref _sent);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _sendFailures);
            return false;
        }
    }

    /// <summary>Sends <paramref name="text"/> as one UTF-8 datagram; see <see cref="Send(ReadOnlySpan{byte}, IPEndPoint)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="remote">The destination.</param>
    /// <returns>False (counted) when the send failed.</returns>
    public bool Send(string text, IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Send(Utf8.Strict.GetBytes(text), remote);
    }

    private void ttse__on_start() => _ = Task.Run(ReceiveLoopAsync);

    private void tts__received(UdpDatagram datagram)
    {
        Interlocked.Increment(ref _received);
        _events.NotifyDatagram(this, datagram);
        _credits.ReleaseAfter(_events);
    }

    private void ttse__on_finished()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (true)
            {
                await _credits.TakeAsync(_stop.Token).ConfigureAwait(false);
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                Received(new UdpDatagram(buffer.AsSpan(0, result.ReceivedBytes).ToArray(), (IPEndPoint)result.RemoteEndPoint));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The socket closed: the tonic is finishing.
        }
    }
}
#pragma warning restore CA1001
