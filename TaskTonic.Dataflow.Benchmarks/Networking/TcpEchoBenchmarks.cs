using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Benchmarks.Networking;

/// <summary>
/// Issue 17: echo round-trips over loopback TCP (4-byte length prefix, 32-byte payload) through a
/// <see cref="TcpServerTonic"/> versus a bare Socket + System.IO.Pipelines echo server, with 1 and 100 connections
/// each doing sequential request/response. Reports ns per round-trip; the setup prints memory per idle connection.
/// </summary>
[MemoryDiagnoser]
public partial class TcpEchoBenchmarks
{
    private const int RoundTrips = 2_000;
    private static readonly byte[] s_frame = Frame(new byte[32]);
    private Formula? _formula;
    private Task? _run;
    private BareEchoServer? _bare;
    private Socket[] _tonicClients = [];
    private Socket[] _bareClients = [];

    /// <summary>Concurrent connections.</summary>
    [Params(1, 100)]
    public int Connections { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _formula = new Formula(new FormulaOptions { ProjectName = "tcp echo", DefaultLogMode = LogMode.Stealth });
        EchoOwner? owner = null;
        _formula.AddStartingTonic(() => owner = new EchoOwner());
        _run = _formula.RunAsync();
        var tonicEndPoint = owner!.Server.Task.Wait(TimeSpan.FromSeconds(30)) ? owner.Server.Task.Result.LocalEndPoint : throw new TimeoutException();
        _bare = new BareEchoServer();
        _tonicClients = Connect(tonicEndPoint, Connections);
        _bareClients = Connect(_bare.EndPoint, Connections);
        if (Connections == 100)
        {
            ReportIdleMemory(tonicEndPoint, owner.Server.Task.Result);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var socket in _tonicClients.Concat(_bareClients))
        {
            socket.Dispose();
        }

        _bare?.Dispose();
        _formula?.Ledger.Shutdown();
        _run?.Wait(TimeSpan.FromSeconds(30));
    }

    /// <summary>The bare Socket + Pipelines echo server.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public Task BareSocketPipelines() => Drive(_bareClients);

    /// <summary>The TcpServerTonic: frames delivered as sparkles of the owner, which echoes with Send.</summary>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public Task TcpServerTonicEcho() => Drive(_tonicClients);

    private static Task Drive(Socket[] clients) =>
        Task.WhenAll(clients.Select(c => PingPong(c, RoundTrips / clients.Length)));

    private static async Task PingPong(Socket socket, int count)
    {
        var reply = new byte[s_frame.Length];
        for (var i = 0; i < count; i++)
        {
            await socket.SendAsync(s_frame).ConfigureAwait(false);
            var read = 0;
            while (read < reply.Length)
            {
                read += await socket.ReceiveAsync(reply.AsMemory(read)).ConfigureAwait(false);
            }
        }
    }

    private static Socket[] Connect(IPEndPoint endPoint, int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(endPoint);
        return socket;
    }).ToArray();

    private static void ReportIdleMemory(IPEndPoint endPoint, TcpServerTonic server)
    {
        const int idle = 500;
        var before = Retained();
        var open = server.OpenConnections;
        var sockets = Connect(endPoint, idle);
        SpinWait.SpinUntil(() => server.OpenConnections >= open + idle, TimeSpan.FromSeconds(30));
        var after = Retained();
        Console.WriteLine($"// memory per idle TcpServerTonic connection (server side + the client socket, {idle} connections): {(after - before) / idle:N0} B");
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static byte[] Frame(byte[] payload)
    {
        var framed = new byte[payload.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(framed, payload.Length);
        payload.CopyTo(framed, 4);
        return framed;
    }

    /// <summary>Echoes every frame on the connection it arrived on.</summary>
    public sealed partial class EchoOwner : Tonic, ITcpEvents
    {
        public TaskCompletionSource<TcpServerTonic> Server { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttse__on_start() => Server.SetResult(new TcpServerTonic(new IPEndPoint(IPAddress.Loopback, 0), this));

        private void ttse__on_connected(TcpConnection connection)
        {
        }

        private void ttse__on_data(TcpConnection connection, TcpFrame frame) => connection.Send(frame.Payload.Span);

        private void ttse__on_disconnected(TcpConnection connection, TcpCloseReason reason)
        {
        }
    }

    /// <summary>The baseline: accept loop plus one Pipelines echo loop per connection, no framework.</summary>
    private sealed class BareEchoServer : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public BareEchoServer()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(1024);
            EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            _ = Task.Run(AcceptAsync);
        }

        public IPEndPoint EndPoint { get; }

        public void Dispose() => _listener.Dispose();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptAsync().ConfigureAwait(false);
                    socket.NoDelay = true;
                    _ = Task.Run(() => EchoAsync(socket));
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }
        }

        private static int ReadLength(in ReadOnlySequence<byte> buffer)
        {
            Span<byte> prefix = stackalloc byte[4];
            buffer.Slice(0, 4).CopyTo(prefix);
            return BinaryPrimitives.ReadInt32BigEndian(prefix);
        }

        private static async Task EchoAsync(Socket socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var reader = PipeReader.Create(stream);
            var writer = PipeWriter.Create(stream);
            try
            {
                while (true)
                {
                    var result = await reader.ReadAsync().ConfigureAwait(false);
                    var buffer = result.Buffer;
                    while (buffer.Length >= 4)
                    {
                        var length = ReadLength(buffer);
                        if (buffer.Length < 4 + length)
                        {
                            break;
                        }

                        foreach (var segment in buffer.Slice(0, 4 + length))
                        {
                            writer.Write(segment.Span);
                        }

                        buffer = buffer.Slice(4 + length);
                    }

                    await writer.FlushAsync().ConfigureAwait(false);
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
