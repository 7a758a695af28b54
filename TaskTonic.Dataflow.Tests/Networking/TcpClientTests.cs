using System.Net;
using Microsoft.Extensions.Time.Testing;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Tests.Networking;

/// <summary>A fake clock that tells the test each time a timer is created (a Polly backoff about to wait).</summary>
internal sealed class SignalingTime : FakeTimeProvider
{
    public SignalingTime()
        : base(DateTimeOffset.UnixEpoch)
    {
    }

    public SemaphoreSlim TimerCreated { get; } = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TimerCreated.Release();
        return timer;
    }
}

/// <summary>Owns a client; its generated entry points implement ITcpClientEvents.</summary>
internal sealed partial class ClientOwner : Tonic, ITcpClientEvents
{
    private readonly EndPoint _remote;
    private readonly TcpClientOptions _options;
    private readonly string[] _early;

    public ClientOwner(EndPoint remote, TcpClientOptions options, params string[] early)
    {
        _remote = remote;
        _options = options;
        _early = early;
    }

    public TcpRecorder Recorder { get; } = new();

    public TaskCompletionSource<TcpClientTonic> Client { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<Exception> Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void ttse__on_start()
    {
        var client = new TcpClientTonic(_remote, this, _options);
        foreach (var text in _early)
        {
            Assert.True(client.Send(text));
        }

        Client.SetResult(client);
    }

    private void ttse__on_connected(TcpConnection connection) => Recorder.Add(connection);

    private void ttse__on_data(TcpConnection connection, TcpFrame frame) => Recorder.Add(connection, frame);

    private void ttse__on_disconnected(TcpConnection connection, TcpCloseReason reason) => Recorder.Add(connection, reason);

    private void ttse__on_connect_failed(TcpClientTonic client, Exception error) => Failed.SetResult(error);
}

public sealed class TcpClientTests
{
    private static readonly TcpConnectionOptions s_lines = new() { Framing = TcpFraming.Lines, MaxFrameSize = 1024 };

    [Fact]
    public async Task Sends_made_while_connecting_are_buffered_and_flushed_in_order_on_connect()
    {
        var formula = new Formula();
        ServerOwner? server = null;
        formula.AddStartingTonic(() => server = new ServerOwner(s_lines));
        var run = formula.RunAsync();
        var endPoint = (await server!.Server.Task.WaitAsync(Net.Guard)).LocalEndPoint;
        var owner = formula.Spawn(() => new ClientOwner(endPoint, new TcpClientOptions { Connection = s_lines }, "one", "two", "three"), formula.MainCatalyst);
        await owner.Recorder.Signal.Until(() => owner.Recorder.Frames.Count == 3, "three echoes");
        Assert.Equal(["one", "two", "three"], owner.Recorder.Frames.Select(f => f.Frame.Text));
        var client = await owner.Client.Task;
        Assert.Equal(1, client.ConnectCount);
        Assert.Equal(0, client.DroppedSends);
        formula.Ledger.Shutdown();
        await run.WaitAsync(Net.Guard);
    }

    [Fact]
    public async Task N08_Connecting_to_a_closed_port_retries_with_backoff_on_the_ledger_clock_then_gives_up_and_counts_the_buffered_sends()
    {
        var time = new SignalingTime();
        var formula = new Formula(new FormulaOptions { TimeProvider = time });
        var options = new TcpClientOptions { Connection = s_lines, MaxConnectAttempts = 3, InitialBackoff = TimeSpan.FromSeconds(2) };
        ClientOwner? created = null;
        formula.AddStartingTonic(() => created = new ClientOwner(new IPEndPoint(IPAddress.Loopback, Net.ClosedPort()), options, "lost"));
        var run = formula.RunAsync();
        var owner = created!;
        for (var retry = 0; retry < 2; retry++)
        {
            Assert.True(await time.TimerCreated.WaitAsync(Net.Guard), "a backoff wait");
            Assert.False(owner.Failed.Task.IsCompleted);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var error = await owner.Failed.Task.WaitAsync(Net.Guard);
        Assert.IsType<System.Net.Sockets.SocketException>(error);
        var client = await owner.Client.Task;
        Assert.Equal(3, client.ConnectAttempts);
        Assert.Equal("failed", client.StateName);
        Assert.Equal(1, client.DroppedSends);
        Assert.False(client.Send("after giving up"));
        Assert.Equal(2, client.DroppedSends);
        formula.Ledger.Shutdown();
        await run.WaitAsync(Net.Guard);
    }

    [Fact]
    public async Task Client_reconnects_after_the_server_restarts_on_the_same_port()
    {
        var time = new SignalingTime();
        var formula = new Formula(new FormulaOptions { TimeProvider = time });
        ServerOwner? first = null;
        formula.AddStartingTonic(() => first = new ServerOwner(s_lines));
        var run = formula.RunAsync();
        var endPoint = (await first!.Server.Task.WaitAsync(Net.Guard)).LocalEndPoint;
        var owner = formula.Spawn(() => new ClientOwner(endPoint, new TcpClientOptions { Connection = s_lines, MaxConnectAttempts = 10 }, "before"), formula.MainCatalyst);
        await owner.Recorder.Signal.Until(() => owner.Recorder.Frames.Count == 1, "the first echo");
        var client = await owner.Client.Task;

        first.StopServer();
        await owner.Recorder.Signal.Until(() => !owner.Recorder.Disconnected.IsEmpty, "the loss");
        Assert.True(await time.TimerCreated.WaitAsync(Net.Guard), "a refused reconnect waits for its backoff");
        Assert.True(client.Send("after"), "buffered while reconnecting");
        var second = formula.Spawn(() => new ServerOwner(s_lines, endPoint), formula.MainCatalyst);
        await second.Server.Task.WaitAsync(Net.Guard);
        time.Advance(TimeSpan.FromMinutes(1));

        await owner.Recorder.Signal.Until(() => owner.Recorder.Frames.Count == 2, "the echo after reconnecting");
        Assert.Equal(["before", "after"], owner.Recorder.Frames.Select(f => f.Frame.Text));
        Assert.Equal(2, client.ConnectCount);
        Assert.Equal(["connected", "data", "disconnected", "connected", "data"], owner.Recorder.Order);
        formula.Ledger.Shutdown();
        await run.WaitAsync(Net.Guard);
    }
}
