using System.Buffers.Binary;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Tests.Networking;

/// <summary>Behaviours of one TCP connection (reference §2.14 N-07, N-09), on a loopback server.</summary>
public sealed class TcpConnectionTests
{
    [Fact]
    public async Task N07_When_the_peer_closes_the_owner_gets_disconnected_with_PeerClosed_once_and_the_connection_finishes()
    {
        var (formula, run, owner, server) = await TcpServerTests.StartAsync(TcpServerTests.s_prefixed, echo: false);
        var peer = await RawPeer.ConnectAsync(server.LocalEndPoint);
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Connected.IsEmpty, "the connection");
        var connection = owner.Recorder.Connected.Single();
        Assert.Equal(1, server.OpenConnections);

        await peer.DisposeAsync();
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Disconnected.IsEmpty, "the disconnect");
        var (closed, reason) = Assert.Single(owner.Recorder.Disconnected);
        Assert.Same(connection, closed);
        Assert.Equal(TcpCloseReason.PeerClosed, reason);
        Assert.Equal(TcpCloseReason.PeerClosed, connection.CloseReason);

        // The connection tonic finishes on its own; the owner (or anyone) learns it through Completion and the counts.
        await connection.Completion.WaitAsync(Net.Guard);
        Assert.True(connection.IsCompleted);
        Assert.Equal(0, server.OpenConnections);
        Assert.Equal(1, server.ClosedCount(TcpCloseReason.PeerClosed));
        Assert.False(connection.Send("to nobody"));
        Assert.Equal(["connected", "disconnected"], owner.Recorder.Order);
        await TcpServerTests.StopAsync(formula, run);
    }

    [Fact]
    public async Task N09_A_send_larger_than_the_socket_buffers_arrives_whole_and_sends_made_meanwhile_follow_it_unmixed()
    {
        // 32 MiB cannot sit in loopback socket buffers (a few MiB each way): the writer is mid-send while the others queue.
        const int bigSize = 32 * 1024 * 1024;
        const int senders = 4;
        const int perSender = 25;
        var options = TcpServerTests.s_prefixed with { MaxFrameSize = bigSize };
        var (formula, run, owner, server) = await TcpServerTests.StartAsync(options, echo: false);
        await using var peer = await RawPeer.ConnectAsync(server.LocalEndPoint);
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Connected.IsEmpty, "the connection");
        var connection = owner.Recorder.Connected.Single();
        var big = new byte[bigSize];
        for (var i = 0; i < big.Length; i++)
        {
            big[i] = (byte)(i % 251);
        }

        Assert.True(connection.Send(big));
        var head = await peer.ReadExactlyAsync(4 + 1024);
        Assert.Equal(bigSize, BinaryPrimitives.ReadInt32BigEndian(head));
        Assert.Equal(0, connection.FramesSent); // the big frame's write has not completed: it is partial
        await Task.WhenAll(Enumerable.Range(0, senders).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                Assert.True(connection.Send($"t{t}-{i}"));
            }
        })));

        var rest = await peer.ReadExactlyAsync(bigSize - 1024);
        Assert.True(big.AsSpan(0, 1024).SequenceEqual(head.AsSpan(4)));
        Assert.True(big.AsSpan(1024).SequenceEqual(rest), "the big frame arrived intact and in order");
        var small = new List<string>();
        for (var i = 0; i < senders * perSender; i++)
        {
            small.Add(await peer.ReadPrefixedAsync());
        }

        for (var t = 0; t < senders; t++)
        {
            var prefix = $"t{t}-";
            Assert.Equal(Enumerable.Range(0, perSender).Select(i => prefix + i), small.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)));
        }

        Assert.True(SpinWait.SpinUntil(() => connection.FramesSent == 1 + (senders * perSender), Net.Guard));
        Assert.Equal(0, connection.RejectedSends);
        await TcpServerTests.StopAsync(formula, run);
    }
}
