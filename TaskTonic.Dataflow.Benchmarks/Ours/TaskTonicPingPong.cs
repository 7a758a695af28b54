using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>
/// Ping-pong between tonics. Every pair gets its own catalyst (so the pairs run in parallel, as the peers' actors do
/// on their thread pools); the pong tonic is an infusion of its ping tonic and, as TaskTonic does by default, shares
/// its base's catalyst. Spread (or <c>TASKTONIC_BENCH_LAYOUT=spread</c>) gives the pong a catalyst of its own, so
/// every message crosses catalysts, as every Akka/Proto message crosses mailboxes.
/// </summary>
/// <param name="spread">True: ping and pong on catalysts of their own.</param>
/// <param name="options">Options of every catalyst the benchmark creates, from its name (the laboratory's variants).</param>
public sealed partial class TaskTonicPingPong(bool spread = false, Func<string, CatalystOptions>? options = null) : IPingPongImplementation
{
    private readonly bool _spread = spread || TaskTonicHost.Spread;

    private TaskTonicHost? _host;
    private PingTonic[] _pings = [];

    public void Setup(PingPongShape shape, CompletionSignal done)
    {
        var host = _host = new TaskTonicHost();
        _pings = new PingTonic[shape.Pairs];
        for (var i = 0; i < _pings.Length; i++)
        {
            var tally = new PingTally(shape, done);
            var pairCatalyst = NewCatalyst(host, $"pair-{i}");
            var ping = host.Spawn(() => new PingTonic(tally, pairCatalyst));
            var pongCatalyst = _spread ? NewCatalyst(host, $"pong-{i}") : null;
            ping.Partner = host.Spawn(() => new PongTonic(pongCatalyst), ping);
            _pings[i] = ping;
        }
    }

    private Catalyst NewCatalyst(TaskTonicHost host, string name) =>
        options is null ? host.NewCatalyst(name) : host.Spawn(() => new Catalyst(options(name)));

    public void Start()
    {
        foreach (var ping in _pings)
        {
            ping.StartRun(new StartRun());
        }
    }

    public void Dispose() => _host?.Dispose();

    private sealed partial class PingTonic(PingTally tally, Catalyst catalyst) : Tonic(new TonicOptions { Catalyst = catalyst })
    {
        /// <summary>The pong tonic, set once during setup before any run.</summary>
        public PongTonic? Partner { get; set; }

        private void ttsc__start_run(StartRun start)
        {
            for (var i = 0; i < tally.InFlight; i++)
            {
                Partner!.Ping(new Ping(i));
            }
        }

        private void ttsc__pong(Pong pong)
        {
            if (tally.OnPong())
            {
                Partner!.Ping(new Ping(pong.Sequence + tally.InFlight));
            }
        }
    }

    /// <summary>Answers every ping to its base, the ping tonic.</summary>
    private sealed partial class PongTonic : Tonic
    {
        private readonly PingTonic _ping;

        public PongTonic(Catalyst? catalyst)
            : base(new TonicOptions { Catalyst = catalyst }) => _ping = (PingTonic)Parent!;

        private void ttsc__ping(Ping ping) => _ping.Pong(new Pong(ping.Sequence));
    }
}
