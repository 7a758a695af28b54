using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Benchmarks.Networking;

/// <summary>
/// Issue 17: echo over loopback TCP (4-byte length prefix) through a <see cref="TcpServerTonic"/> versus a bare
/// Socket + System.IO.Pipelines echo server, in one run, with 1 and 100 connections each doing sequential
/// request/response. A 32-byte payload measures round-trips/s; a 64 KiB payload measures throughput (MB/s). Both
/// columns are shown for every case (<see cref="EchoRateColumn"/>). Memory per idle connection: <c>--tcp-memory</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(EchoRateConfig))]
public class TcpEchoBenchmarks
{
    private const int RoundTrips = 2_000;
    private byte[] _frame = [];
    private Formula? _formula;
    private Task? _run;
    private BareEchoServer? _bare;
    private Socket[] _tonicClients = [];
    private Socket[] _bareClients = [];

    /// <summary>Concurrent connections; the round-trips of one invocation are split over them.</summary>
    [Params(1, 100)]
    public int Connections { get; set; }

    /// <summary>Payload bytes per frame: 32 (round-trip rate) or 65,536 (throughput).</summary>
    [Params(32, 65_536)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frame = Frame(PayloadBytes);
        (_formula, _run, var server) = TcpEchoOwner.Start();
        _bare = new BareEchoServer();
        _tonicClients = Connect(server.LocalEndPoint, Connections);
        _bareClients = Connect(_bare.EndPoint, Connections);
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

    /// <summary>Connects <paramref name="count"/> loopback clients to <paramref name="endPoint"/>.</summary>
    internal static Socket[] Connect(IPEndPoint endPoint, int count) => [.. Enumerable.Range(0, count).Select(_ =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(endPoint);
        return socket;
    })];

    /// <summary>One 32-byte echo on each of <paramref name="clients"/>.</summary>
    internal static Task EchoOnceAsync(Socket[] clients)
    {
        var frame = Frame(32);
        return Task.WhenAll(clients.Select(c => PingPong(c, frame, 1)));
    }

    private Task Drive(Socket[] clients) =>
        Task.WhenAll(clients.Select(c => PingPong(c, _frame, RoundTrips / clients.Length)));

    private static async Task PingPong(Socket socket, byte[] frame, int count)
    {
        var reply = new byte[frame.Length];
        for (var i = 0; i < count; i++)
        {
            await socket.SendAsync(frame).ConfigureAwait(false);
            var read = 0;
            while (read < reply.Length)
            {
                var got = await socket.ReceiveAsync(reply.AsMemory(read)).ConfigureAwait(false);
                read += got > 0 ? got : throw new InvalidOperationException("The echo server closed the connection.");
            }
        }
    }

    private static byte[] Frame(int payloadBytes)
    {
        var framed = new byte[payloadBytes + 4];
        BinaryPrimitives.WriteInt32BigEndian(framed, payloadBytes);
        for (var i = 4; i < framed.Length; i++)
        {
            framed[i] = (byte)i;
        }

        return framed;
    }
}
