using System.Net;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Samples.Networking;

/// <summary>A line-based chat server: every line is broadcast to the other members; newcomers get the history first.</summary>
public sealed partial class ChatRoom : Tonic, ITcpEvents
{
    private static readonly TcpConnectionOptions s_lines = new() { Framing = TcpFraming.Lines, MaxFrameSize = 4096 };
    private readonly TextWriter _output;
    private readonly int _bots;
    private readonly List<TcpConnection> _members = [];
    private readonly List<string> _history = [];
    private int _left;

    public ChatRoom(TextWriter output, int bots)
    {
        _output = output;
        _bots = bots;
    }

    private void ttse__on_start()
    {
        var server = new TcpServerTonic(new IPEndPoint(IPAddress.Loopback, 0), this, s_lines);
        _output.WriteLine($"[room] listening on {server.LocalEndPoint}");
        for (var i = 1; i <= _bots; i++)
        {
            _ = new ChatBot(_output, $"bot{i}", server.LocalEndPoint, _bots - 1);
        }
    }

    private void ttse__on_connected(TcpConnection member)
    {
        _members.Add(member);
        foreach (var line in _history)
        {
            member.Send(line);
        }
    }

    private void ttse__on_data(TcpConnection from, TcpFrame frame)
    {
        var line = frame.Text;
        _output.WriteLine($"[room] {line}");
        _history.Add(line);
        foreach (var member in _members.Where(m => !ReferenceEquals(m, from)))
        {
            member.Send(line);
        }
    }

    private void ttse__on_disconnected(TcpConnection member, TcpCloseReason reason)
    {
        _members.Remove(member);
        _output.WriteLine($"[room] a member left ({reason}); {_members.Count} remain");
        if (++_left == _bots)
        {
            Finish();
        }
    }
}

/// <summary>A chat client: says hello, waits until it heard every other bot, then leaves.</summary>
public sealed partial class ChatBot : Tonic, ITcpClientEvents
{
    private readonly TextWriter _output;
    private readonly string _nick;
    private readonly IPEndPoint _server;
    private readonly int _expect;
    private int _heard;

    public ChatBot(TextWriter output, string nick, IPEndPoint server, int expect)
    {
        _output = output;
        _nick = nick;
        _server = server;
        _expect = expect;
    }

    private void ttse__on_start()
    {
        var client = new TcpClientTonic(_server, this, new TcpClientOptions { Connection = new() { Framing = TcpFraming.Lines } });
        client.Send($"{_nick}: hello, everyone"); // buffered until connected
    }

    private void ttse__on_connected(TcpConnection connection) => _output.WriteLine($"[{_nick}] connected from {connection.LocalEndPoint}");

    private void ttse__on_data(TcpConnection connection, TcpFrame frame)
    {
        _output.WriteLine($"[{_nick}] heard \"{frame.Text}\"");
        if (++_heard == _expect)
        {
            connection.Close();
        }
    }

    private void ttse__on_disconnected(TcpConnection connection, TcpCloseReason reason) => Finish();

    private void ttse__on_connect_failed(TcpClientTonic client, Exception failure)
    {
        _output.WriteLine($"[{_nick}] could not connect: {failure.Message}");
        Finish();
    }
}

/// <summary>Runs the chat room with three bots; it ends when every bot has left.</summary>
internal static class ChatServerSample
{
    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula().AddStartingTonic(() => new ChatRoom(output, bots: 3));
        await formula.RunAsync();
        output.WriteLine($"Formula status: {formula.Status}.");
    }
}
