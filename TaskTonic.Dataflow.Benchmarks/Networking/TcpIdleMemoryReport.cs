using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TaskTonic.Dataflow.Benchmarks.Networking;

/// <summary>
/// <c>--tcp-memory</c> (issue 17): the managed heap retained per idle TCP connection, a <see cref="Dataflow.Networking.TcpServerTonic"/>
/// versus the bare Socket + Pipelines echo server, outside BenchmarkDotNet. Both figures include the client's
/// socket object; kernel socket buffers are not managed memory and are not counted.
/// </summary>
internal static class TcpIdleMemoryReport
{
    public static string Run(int connections)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Idle TCP connections on loopback: {connections:N0} per server; GC.GetTotalMemory(true) after − before, ÷ connections (server side + the client Socket), each connection idle after one 32-byte echo.");
        text.AppendLine();
        text.AppendLine("| Server | retained B per idle connection |");
        text.AppendLine("| --- | --- |");

        using (var bare = new BareEchoServer())
        {
            var perConnection = Measure(bare.EndPoint, connections, () => bare.Accepted);
            text.AppendLine(CultureInfo.InvariantCulture, $"| bare Socket + Pipelines | {perConnection:N0} |");
        }

        var (formula, run, server) = TcpEchoOwner.Start();
        var ours = Measure(server.LocalEndPoint, connections, () => server.OpenConnections);
        text.AppendLine(CultureInfo.InvariantCulture, $"| TcpServerTonic | {ours:N0} |");
        formula.Ledger.Shutdown();
        run.Wait(TimeSpan.FromSeconds(30));
        return text.ToString();
    }

    private static double Measure(System.Net.IPEndPoint endPoint, int connections, Func<int> open)
    {
        // Warm up the accept path (first-use allocations) before the baseline.
        foreach (var socket in TcpEchoBenchmarks.Connect(endPoint, 10))
        {
            socket.Dispose();
        }

        var baseline = open();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clients = TcpEchoBenchmarks.Connect(endPoint, connections);
        if (!SpinWait.SpinUntil(() => open() >= baseline + connections, TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"Only {open() - baseline} of {connections} connections were accepted.");
        }

        // One echo each, so every connection's read and write loops run and then wait (idle after use).
        TcpEchoBenchmarks.EchoOnceAsync(clients).Wait(TimeSpan.FromSeconds(60));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var socket in clients)
        {
            socket.Dispose();
        }

        return (after - before) / (double)connections;
    }
}
