using System.Net;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Benchmarks.Networking;

/// <summary>Owns a <see cref="TcpServerTonic"/> and echoes every frame on the connection it arrived on.</summary>
public sealed partial class TcpEchoOwner : Tonic, ITcpEvents
{
    /// <summary>The server, once this owner started.</summary>
    public TaskCompletionSource<TcpServerTonic> Server { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts an echo formula; returns it, its run and the server.</summary>
    public static (Formula Formula, Task Run, TcpServerTonic Server) Start()
    {
        var formula = new Formula(new FormulaOptions { ProjectName = "tcp echo", DefaultLogMode = LogMode.Stealth });
        TcpEchoOwner? owner = null;
        formula.AddStartingTonic(() => owner = new TcpEchoOwner());
        var run = formula.RunAsync();
        var server = owner!.Server.Task.Wait(TimeSpan.FromSeconds(30)) ? owner.Server.Task.Result : throw new TimeoutException("The echo server did not start.");
        return (formula, run, server);
    }

    private void ttse__on_start() => Server.SetResult(new TcpServerTonic(new IPEndPoint(IPAddress.Loopback, 0), this));

    private void ttse__on_connected(TcpConnection connection)
    {
    }

    private void ttse__on_data(TcpConnection connection, TcpFrame frame) => connection.Send(frame.Payload.Span);

    private void ttse__on_disconnected(TcpConnection connection, TcpCloseReason reason)
    {
    }
}
