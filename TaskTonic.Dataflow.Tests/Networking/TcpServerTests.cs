using System.Net.Sockets;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Tests.Networking;

public sealed class TcpServerTests
{
    internal static readonly TcpConnectionOptions s_prefixed = new() { Framing = TcpFraming.LengthPrefixed, MaxFrameSize = 1024 };

    internal static async Task<(Formula Formula, Task Run, ServerOwner Owner, TcpServerTonic Server)> StartAsync(
        TcpConnectionOptions options, bool echo = true, FormulaOptions? settings = null, ManualResetEventSlim? gate = null)
    {
        var formula = new Formula(settings ?? new FormulaOptions());
        ServerOwner? owner = null;
        formula.AddStartingTonic(() => owner = new ServerOwner(options, echo: echo) { Gate = gate });
        var run = formula.RunAsync();
        var server = await owner!.Server.Task.WaitAsync(Net.Guard);
        return (formula, run, owner, server);
    }

    internal static async Task StopAsync(Formula formula, Task run)
    {
        formula.Ledger.Shutdown();
        await run.WaitAsync(Net.Guard);
    }

    [Fact]
    public async Task N02_A_length_prefixed_message_is_echoed_and_events_arrive_as_sparkles_of_the_owner()
    {
        var (formula, run, owner, server) = await StartAsync(s_prefixed);
        Assert.NotEqual(0, server.LocalEndPoint.Port);
        await using (var peer = await RawPeer.ConnectAsync(server.LocalEndPoint))
        {
            await peer.SendAsync(Net.Prefixed("{\"msg\":\"Hello\"}"));
            Assert.Equal("{\"msg\":\"Hello\"}", await peer.ReadPrefixedAsync());
            var (connection, frame) = Assert.Single(owner.Recorder.Frames);
            Assert.Equal("{\"msg\":\"Hello\"}", frame.Text);
            Assert.Equal("connected", connection.StateName);
            Assert.Same(owner, Assert.Single(owner.HandlerTonics));
            Assert.Same(server, connection.Parent);
        }

        await owner.Recorder.Signal.Until(() => !owner.Recorder.Disconnected.IsEmpty, "the disconnect");
        Assert.Equal(["connected", "data", "disconnected"], owner.Recorder.Order);
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task N10_Two_frames_in_one_chunk_and_one_frame_split_over_chunks_arrive_as_exactly_those_frames()
    {
        var (formula, run, owner, server) = await StartAsync(s_prefixed, echo: false);
        await using (var peer = await RawPeer.ConnectAsync(server.LocalEndPoint))
        {
            await peer.SendAsync([.. Net.Prefixed("one"), .. Net.Prefixed("two")]);
            var third = Net.Prefixed("three-split");
            await peer.SendAsync(third[..3]);
            await owner.Recorder.Signal.Until(() => owner.Recorder.Frames.Count == 2, "two frames");
            await peer.SendAsync(third[3..9]);
            await peer.SendAsync(third[9..]);
            await owner.Recorder.Signal.Until(() => owner.Recorder.Frames.Count == 3, "the split frame");
        }

        Assert.Equal(["one", "two", "three-split"], owner.Recorder.Frames.Select(f => f.Frame.Text));
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task N11_A_thousand_concurrent_connections_each_echo_a_hundred_messages_in_order_nothing_lost()
    {
        // Issue 17 item 4: 1,000 connections × 100 messages on loopback, all connecting at once (a burst against the
        // listen backlog). Each client checks its own echoes arrive complete and in order; the server side checks
        // every frame was delivered and the per-connection order of the owner's sparkles.
        const int connections = 1000;
        const int messages = 100;
        var (formula, run, owner, server) = await StartAsync(s_prefixed);
        var clients = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            await using var peer = await RawPeer.ConnectAsync(server.LocalEndPoint);
            var batch = Enumerable.Range(0, messages).SelectMany(m => Net.Prefixed($"c{c}-m{m}")).ToArray();
            await peer.SendAsync(batch);
            for (var m = 0; m < messages; m++)
            {
                Assert.Equal($"c{c}-m{m}", await peer.ReadPrefixedAsync());
            }
        })).ToList();
        await Task.WhenAll(clients).WaitAsync(Net.LoadGuard);

        Assert.Equal(connections, server.AcceptedCount);
        Assert.Equal(connections * messages, owner.Recorder.Frames.Count);
        foreach (var perConnection in owner.Recorder.Frames.GroupBy(f => f.Connection))
        {
            var texts = perConnection.Select(f => f.Frame.Text).ToList();
            var prefix = texts[0][..texts[0].IndexOf('-', StringComparison.Ordinal)];
            Assert.Equal(Enumerable.Range(0, messages).Select(m => $"{prefix}-m{m}"), texts);
        }

        await owner.Recorder.Signal.Until(() => owner.Recorder.Disconnected.Count == connections, "every disconnect");
        Assert.Equal(connections, server.ClosedCount(TcpCloseReason.PeerClosed));
        Assert.Equal(0, formula.Ledger.DroppedCount);
        await StopAsync(formula, run);
    }

    [Theory]
    [InlineData(TcpFraming.LengthPrefixed, TcpCloseReason.FrameTooLarge)]
    [InlineData(TcpFraming.LengthPrefixed, TcpCloseReason.TruncatedFrame)]
    [InlineData(TcpFraming.Lines, TcpCloseReason.InvalidUtf8)]
    [InlineData(TcpFraming.Lines, TcpCloseReason.FrameTooLarge)]
    [InlineData(TcpFraming.MessagePack, TcpCloseReason.InvalidMessagePack)]
    public async Task Malformed_frame_closes_only_that_connection_with_a_counted_reason_and_the_server_keeps_serving(TcpFraming framing, TcpCloseReason expected)
    {
        var options = new TcpConnectionOptions { Framing = framing, MaxFrameSize = 64 };
        var (formula, run, owner, server) = await StartAsync(options);
        byte[] bad = expected switch
        {
            TcpCloseReason.FrameTooLarge when framing == TcpFraming.Lines => Encoding.ASCII.GetBytes(new string('x', 100)),
            TcpCloseReason.FrameTooLarge => [0x7F, 0xFF, 0xFF, 0xFF], // a 2 GiB length prefix
            TcpCloseReason.TruncatedFrame => [0, 0, 0, 10, 1, 2, 3],
            TcpCloseReason.InvalidUtf8 => [0x68, 0xC3, 0x28, (byte)'\n'],
            _ => Net.Prefixed([0xC1, 0xC1]), // 0xC1 is never used in MessagePack
        };
        await using (var bad1 = await RawPeer.ConnectAsync(server.LocalEndPoint))
        {
            await bad1.SendAsync(bad);
            if (expected == TcpCloseReason.TruncatedFrame)
            {
                bad1.ShutdownSend();
            }

            await bad1.ReadToEndAsync(); // the server closes it
        }

        await owner.Recorder.Signal.Until(() => !owner.Recorder.Disconnected.IsEmpty, "the close");
        Assert.Equal(expected, Assert.Single(owner.Recorder.Disconnected).Reason);
        Assert.Equal(1, server.ClosedCount(expected));
        Assert.Empty(owner.Recorder.Frames);

        // The server keeps serving.
        await using (var good = await RawPeer.ConnectAsync(server.LocalEndPoint))
        {
            byte[] ok = framing == TcpFraming.Lines ? Encoding.UTF8.GetBytes("fine\n") : Net.Prefixed([0xA2, 0x6F, 0x6B]); // "ok" as MessagePack str
            await good.SendAsync(ok);
            Assert.Equal(ok, await good.ReadExactlyAsync(ok.Length));
        }

        await StopAsync(formula, run);
    }

    [Fact]
    public async Task Port_in_use_throws_a_clear_NetworkBindException()
    {
        var (formula, run, _, server) = await StartAsync(s_prefixed);
        var events = new PlainEvents();
        var error = Assert.Throws<NetworkBindException>(() => formula.Spawn(() => new TcpServerTonic(server.LocalEndPoint, events)));
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketError);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task A_slow_consumer_pauses_reading_at_the_undelivered_limit_and_then_receives_everything()
    {
        const int total = 500;
        using var gate = new ManualResetEventSlim(false);
        var options = s_prefixed with { MaxUndeliveredFrames = 8 };
        var (formula, run, owner, server) = await StartAsync(options, echo: false, gate: gate);
        await using var peer = await RawPeer.ConnectAsync(server.LocalEndPoint);
        await peer.SendAsync(Enumerable.Range(0, total).SelectMany(i => Net.Prefixed($"m{i}")).ToArray());
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Connected.IsEmpty, "the connection");
        var connection = owner.Recorder.Connected.Single();
        // The owner is stuck in its first OnData: the reader must stop at the limit instead of queueing all 500.
        var reachedLimit = SpinWait.SpinUntil(() => connection.UndeliveredFrames == 8, Net.Guard);
        Assert.True(reachedLimit);
        Assert.True(connection.FramesReceived <= 8, $"{connection.FramesReceived} frames passed the limit");
        gate.Set();
        await owner.Recorder.Signal.Until(() => owner.Recorder.Frames.Count == total, "every frame");
        Assert.Equal(Enumerable.Range(0, total).Select(i => $"m{i}"), owner.Recorder.Frames.Select(f => f.Frame.Text));
        Assert.True(connection.PeakUndeliveredFrames <= 8);
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task Idle_connection_is_closed_on_the_ledgers_TimeProvider()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var options = s_prefixed with { IdleTimeout = TimeSpan.FromMinutes(5) };
        var (formula, run, owner, server) = await StartAsync(options, settings: new FormulaOptions { TimeProvider = time });
        await using var peer = await RawPeer.ConnectAsync(server.LocalEndPoint);
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Connected.IsEmpty, "the connection");
        await peer.SendAsync(Net.Prefixed("ping"));
        Assert.Equal("ping", await peer.ReadPrefixedAsync());
        var connection = owner.Recorder.Connected.Single();
        // The echo's flush touches the activity clock on the writer's thread; wait for it before moving time.
        Assert.True(SpinWait.SpinUntil(() => connection.FramesSent == 1, Net.Guard));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(owner.Recorder.Disconnected.IsEmpty);
        time.Advance(TimeSpan.FromMinutes(2));
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Disconnected.IsEmpty, "the idle close");
        Assert.Equal(TcpCloseReason.IdleTimeout, owner.Recorder.Disconnected.Single().Reason);
        Assert.Empty(await peer.ReadToEndAsync());
        Assert.Equal(1, server.ClosedCount(TcpCloseReason.IdleTimeout));
        await StopAsync(formula, run);
    }

    [Fact]
    public async Task N06_Close_flushes_queued_sends_then_refuses_and_counts_later_sends_and_the_connection_finishes()
    {
        var (formula, run, owner, server) = await StartAsync(s_prefixed, echo: false);
        await using var peer = await RawPeer.ConnectAsync(server.LocalEndPoint);
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Connected.IsEmpty, "the connection");
        var connection = owner.Recorder.Connected.Single();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(connection.Send($"bye {i}"));
        }

        connection.Close();
        var all = await peer.ReadToEndAsync();
        Assert.Equal(Enumerable.Range(0, 100).SelectMany(i => Net.Prefixed($"bye {i}")), all);
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Disconnected.IsEmpty, "the close");
        Assert.Equal(TcpCloseReason.ClosedLocally, connection.CloseReason);
        Assert.False(connection.Send("too late"));
        Assert.Equal(1, connection.RejectedSends);
        await connection.Completion.WaitAsync(Net.Guard);
        Assert.True(connection.IsCompleted);
        await StopAsync(formula, run);
    }

    [Fact]
    public void Encoder_refuses_bad_payloads_naming_the_parameter()
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => FrameEncoder.EncodeText(TcpFraming.Lines, 64, "a\nb", "text")).ParamName);
        Assert.Equal("payload", Assert.Throws<ArgumentException>(() => FrameEncoder.Encode(TcpFraming.Raw, 4, new byte[5], "payload")).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcpConnectionOptions { MaxFrameSize = 0 });
    }
}
