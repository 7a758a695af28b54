using System.Collections.Concurrent;
using System.Net;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Tests.Networking;

/// <summary>Two UDP tonics: a server that echoes with a marker and a client that pings on start (N-03, N-05).</summary>
internal sealed partial class UdpPair : Tonic, IUdpEvents
{
    public TaskCompletionSource<string> ClientGot { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> ServerGot { get; } = new();

    public UdpTonic? Server { get; private set; }

    private void ttse__on_start()
    {
        Server = new UdpTonic(Net.AnyLoopback, this);
        var client = new UdpTonic(Net.AnyLoopback, this);
        // N-05: the send is made right after creating both, before their starts ran; the datagram still arrives.
        Assert.True(client.Send("{\"action\":\"ping\"}", Server.LocalEndPoint));
    }

    private void ttse__on_datagram(UdpTonic udp, UdpDatagram datagram)
    {
        if (ReferenceEquals(udp, Server))
        {
            ServerGot.Enqueue(datagram.Text);
            udp.Send(datagram.Text.Replace("}", ",\"echo\":true}", StringComparison.Ordinal), datagram.RemoteEndPoint);
        }
        else
        {
            ClientGot.SetResult(datagram.Text);
        }
    }
}

public sealed class UdpTests
{
    [Fact]
    public async Task N03_N05_Udp_ping_is_echoed_and_delivered_as_a_sparkle_of_the_owner()
    {
        var formula = new Formula();
        UdpPair? pair = null;
        formula.AddStartingTonic(() => pair = new UdpPair());
        var run = formula.RunAsync();
        var reply = await pair!.ClientGot.Task.WaitAsync(Net.Guard);
        Assert.Equal("{\"action\":\"ping\",\"echo\":true}", reply);
        Assert.Equal("{\"action\":\"ping\"}", Assert.Single(pair.ServerGot));
        Assert.Equal(1, pair.Server!.DatagramsReceived);
        Assert.Equal(1, pair.Server.DatagramsSent);
        formula.Ledger.Shutdown();
        await run.WaitAsync(Net.Guard);
    }

    [Fact]
    public async Task Udp_port_in_use_throws_a_clear_NetworkBindException()
    {
        var formula = new Formula();
        UdpPair? pair = null;
        formula.AddStartingTonic(() => pair = new UdpPair());
        var run = formula.RunAsync();
        await pair!.ClientGot.Task.WaitAsync(Net.Guard);
        var error = Assert.Throws<NetworkBindException>(() => formula.Spawn(() => new UdpTonic(pair.Server!.LocalEndPoint, pair), formula.MainCatalyst));
        Assert.Equal(System.Net.Sockets.SocketError.AddressAlreadyInUse, error.SocketError);
        Assert.Throws<ArgumentException>(() => pair.Server!.Send(new byte[70_000], new IPEndPoint(IPAddress.Loopback, 9)));
        formula.Ledger.Shutdown();
        await run.WaitAsync(Net.Guard);
    }
}
