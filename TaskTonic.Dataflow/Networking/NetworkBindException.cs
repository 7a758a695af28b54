using System.Net;
using System.Net.Sockets;

namespace TaskTonic.Dataflow.Networking;

/// <summary>A TCP or UDP tonic could not bind its local endpoint (for example: the port is in use).</summary>
public sealed class NetworkBindException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="endPoint">The endpoint that could not be bound.</param>
    /// <param name="inner">The socket error.</param>
    public NetworkBindException(EndPoint endPoint, SocketException inner)
        : base(Describe(endPoint, inner), inner)
    {
        EndPoint = endPoint;
        SocketError = inner.SocketErrorCode;
    }

    /// <summary>The endpoint that could not be bound.</summary>
    public EndPoint EndPoint { get; }

    /// <summary>The socket error code (<see cref="System.Net.Sockets.SocketError.AddressAlreadyInUse"/> for a port in use).</summary>
    public SocketError SocketError { get; }

    private static string Describe(EndPoint endPoint, SocketException inner) => inner.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => $"Cannot bind {endPoint}: the address is already in use (another socket listens on that port).",
        SocketError.AddressNotAvailable => $"Cannot bind {endPoint}: the address is not available on this machine.",
        SocketError.AccessDenied => $"Cannot bind {endPoint}: access denied (a privileged port?).",
        _ => $"Cannot bind {endPoint}: {inner.Message} ({inner.SocketErrorCode}).",
    };
}

/// <summary>Creates bound sockets, turning bind failures into <see cref="NetworkBindException"/>.</summary>
internal static class SocketBinding
{
    public static Socket Listen(IPEndPoint endPoint, int backlog)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        Bind(socket, endPoint);
        socket.Listen(backlog);
        return socket;
    }

    public static Socket BindUdp(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        Bind(socket, endPoint);
        return socket;
    }

    private static void Bind(Socket socket, IPEndPoint endPoint)
    {
        try
        {
            socket.Bind(endPoint);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new NetworkBindException(endPoint, ex);
        }
    }
}
