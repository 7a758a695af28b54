using System.Net;

namespace TaskTonic.Dataflow.Networking;

/// <summary>One received datagram: an immutable copy of its bytes and the sender's endpoint.</summary>
public sealed class UdpDatagram
{
    private readonly byte[] _payload;

    internal UdpDatagram(byte[] payload, IPEndPoint remote)
    {
        _payload = payload;
        RemoteEndPoint = remote;
    }

    /// <summary>The datagram's bytes (a private copy; never changes).</summary>
    public ReadOnlyMemory<byte> Payload => _payload;

    /// <summary>Who sent it.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The payload decoded as UTF-8.</summary>
    /// <exception cref="System.Text.DecoderFallbackException">The payload is not valid UTF-8.</exception>
    public string Text => Utf8.Strict.GetString(_payload);

    /// <inheritdoc />
    public override string ToString() => $"UdpDatagram({_payload.Length} bytes from {RemoteEndPoint})";
}

/// <summary>What a <see cref="UdpTonic"/> tells its owner; implement it with a <c>ttse__on_datagram</c> handler.</summary>
public interface IUdpEvents
{
    /// <summary>A datagram arrived.</summary>
    /// <param name="udp">The receiving tonic (reply with <see cref="UdpTonic.Send(ReadOnlySpan{byte}, IPEndPoint)"/>).</param>
    /// <param name="datagram">The datagram.</param>
    void NotifyDatagram(UdpTonic udp, UdpDatagram datagram);
}
