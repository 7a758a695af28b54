using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Tests.Networking;

/// <summary>Shared pieces of the networking tests: loopback endpoints, a hang guard and a change signal.</summary>
internal static class Net
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    /// <summary>The hang guard of a whole load test (many connections at once on a shared 2-core box).</summary>
    public static readonly TimeSpan LoadGuard = TimeSpan.FromMinutes(2);

    public static IPEndPoint AnyLoopback => new(IPAddress.Loopback, 0);

    /// <summary>A loopback port on which nothing listens (bound, then released).</summary>
    public static int ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(AnyLoopback);
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public static byte[] Prefixed(byte[] payload)
    {
        var framed = new byte[payload.Length + 4];
        BinaryPrimitives.WriteUInt32BigEndian(framed, (uint)payload.Length);
        payload.CopyTo(framed, 4);
        return framed;
    }

    public static byte[] Prefixed(string text) => Prefixed(Encoding.UTF8.GetBytes(text));
}

/// <summary>Wakes waiters whenever something was recorded; <see cref="Until"/> re-checks a condition on each wake.</summary>
internal sealed class ChangeSignal : IDisposable
{
    private readonly SemaphoreSlim _changed = new(0);

    public void Pulse() => _changed.Release();

    public void Dispose() => _changed.Dispose();

    public async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Net.Guard;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _changed.WaitAsync(left))
            {
                throw new TimeoutException($"Hang guard: still waiting for {what}.");
            }
        }
    }
}

/// <summary>Records every TCP event it receives; optionally echoes data and blocks in OnData until a gate opens.</summary>
internal sealed class TcpRecorder
{
    public ChangeSignal Signal { get; } = new();

    public ConcurrentQueue<TcpConnection> Connected { get; } = new();

    public ConcurrentQueue<(TcpConnection Connection, TcpFrame Frame)> Frames { get; } = new();

    public ConcurrentQueue<(TcpConnection Connection, TcpCloseReason Reason)> Disconnected { get; } = new();

    public ConcurrentQueue<string> Order { get; } = new();

    public void Add(TcpConnection c)
    {
        Connected.Enqueue(c);
        Order.Enqueue("connected");
        Signal.Pulse();
    }

    public void Add(TcpConnection c, TcpFrame f)
    {
        Frames.Enqueue((c, f));
        Order.Enqueue("data");
        Signal.Pulse();
    }

    public void Add(TcpConnection c, TcpCloseReason r)
    {
        Disconnected.Enqueue((c, r));
        Order.Enqueue("disconnected");
        Signal.Pulse();
    }
}

/// <summary>An owner tonic whose generated entry points (NotifyConnected/NotifyData/NotifyDisconnected) implement ITcpEvents.</summary>
internal sealed partial class ServerOwner : Tonic, ITcpEvents
{
    private readonly TcpConnectionOptions _options;
    private readonly IPEndPoint _endPoint;

    public ServerOwner(TcpConnectionOptions options, IPEndPoint? endPoint = null, bool echo = true)
    {
        _options = options;
        _endPoint = endPoint ?? Net.AnyLoopback;
        Echo = echo;
    }

    public bool Echo { get; }

    public ManualResetEventSlim? Gate { get; init; }

    public TcpRecorder Recorder { get; } = new();

    public TaskCompletionSource<TcpServerTonic> Server { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<Tonic?> HandlerTonics { get; } = [];

    private void ttse__on_start() => Server.SetResult(new TcpServerTonic(_endPoint, this, _options));

    private void ttse__on_connected(TcpConnection connection) => Recorder.Add(connection);

    private void ttse__on_data(TcpConnection connection, TcpFrame frame)
    {
        Gate?.Wait(Net.Guard);
        if (HandlerTonics.Count < 4)
        {
            HandlerTonics.Add(SparkleContext.Current.Tonic);
        }

        if (Echo)
        {
            connection.Send(frame.Payload.Span);
        }

        Recorder.Add(connection, frame);
    }

    private void ttse__on_disconnected(TcpConnection connection, TcpCloseReason reason) => Recorder.Add(connection, reason);

    private void ttsc__stop_server() => Server.Task.Result.Finish();
}

/// <summary>A plain (non-tonic) ITcpEvents sink.</summary>
internal sealed class PlainEvents : ITcpEvents
{
    public TcpRecorder Recorder { get; } = new();

    public void NotifyConnected(TcpConnection connection) => Recorder.Add(connection);

    public void NotifyData(TcpConnection connection, TcpFrame frame) => Recorder.Add(connection, frame);

    public void NotifyDisconnected(TcpConnection connection, TcpCloseReason reason) => Recorder.Add(connection, reason);
}

/// <summary>A bare loopback socket used as the peer of the tonics under test.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawPeer(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<RawPeer> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint).WaitAsync(Net.Guard);
        return new RawPeer(socket);
    }

    public Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes).AsTask().WaitAsync(Net.Guard);

    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        var buffer = new byte[count];
        await _stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(Net.Guard);
        return buffer;
    }

    public async Task<string> ReadPrefixedAsync()
    {
        var prefix = await ReadExactlyAsync(4);
        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        return Encoding.UTF8.GetString(await ReadExactlyAsync(length));
    }

    /// <summary>Reads until the peer closes; returns everything read.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        using var all = new MemoryStream();
        await _stream.CopyToAsync(all).WaitAsync(Net.Guard);
        return all.ToArray();
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();
}
