using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using TaskTonic.Dataflow.Networking;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Networking;

/// <summary>A tonic that binds a UDP socket in its start sparkle (the selector-registration analogue of N-01).</summary>
internal sealed partial class UdpStarter : Tonic, IUdpEvents
{
    public UdpTonic? Udp { get; private set; }

    public ConcurrentQueue<string> Got { get; } = new();

    private void ttse__on_start() => Udp = new UdpTonic(Net.AnyLoopback, this);

    private void ttse__on_datagram(UdpTonic udp, UdpDatagram datagram) => Got.Enqueue(datagram.Text);
}

public sealed class SocketLifecycleTests
{
    [Fact]
    public void N01_A_socket_bound_in_on_start_runs_under_the_Distiller_without_a_busy_loop_and_is_closed_on_finish()
    {
        var distiller = new Distiller();
        var starter = distiller.Spawn(() => new UdpStarter());

        // A receive loop that polled through the catalyst would never let the run go idle within 100 work orders.
        var started = distiller.Run(100, TimeSpan.FromSeconds(2));
        Assert.True(started.StoppedBecause(StopReasons.Idle), started.ToString());
        Assert.True(started.WorkOrders < 20, started.ToString());
        var udp = Assert.IsType<UdpTonic>(starter.Udp);
        Assert.Contains(distiller.Trace, t => ReferenceEquals(t.Tonic, starter) && t.Sparkle == "ttse__on_start");
        Assert.Contains(distiller.Trace, t => ReferenceEquals(t.Tonic, udp) && t.Sparkle == "ttse__on_start");

        // The socket reads while the Distiller waits: a datagram arrives as a sparkle of the owner.
        using (var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            peer.SendTo("ping"u8, udp.LocalEndPoint);
            Assert.True(SpinWait.SpinUntil(() => { distiller.RunUntilIdle(TimeSpan.Zero); return !starter.Got.IsEmpty; }, Net.Guard));
        }

        Assert.Equal("ping", Assert.Single(starter.Got));

        starter.Finish();
        distiller.RunUntilIdle(TimeSpan.FromSeconds(1));
        Assert.True(udp.IsCompleted);
        Assert.False(udp.Send("after finish"u8, udp.LocalEndPoint));
        Assert.Equal(1, udp.SendFailures);

        // The socket is closed: its port can be bound again.
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        again.Bind(new IPEndPoint(IPAddress.Loopback, udp.LocalEndPoint.Port));
        Assert.Equal(udp.LocalEndPoint.Port, ((IPEndPoint)again.LocalEndPoint!).Port);
    }
}
