using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>
/// Ping-pong between tonics. Every pair gets its own catalyst (so the pairs run in parallel, as the peers' actors do
/// on their thread pools); the pong tonic is an infusion of its ping tonic and, as TaskTonic does by default, shares
/// its base's catalyst. With <c>TASKTONIC_BENCH_LAYOUT=spread</c> the pong gets a catalyst of its own, so every
/// message crosses catalysts.
/// </summary>
public sealed partial class TaskTonicPingPong : IPingPongImplementation
{
    private TaskTonicHost? _host;
    private PingTonic[] _pings = [];

    public void Setup(PingPongShape shape, CompletionSignal done)
    {
        var host = _host = new TaskTonicHost();
        _pings = new PingTonic[shape.Pairs];
        for (var i = 0; i < _pings.Length; i++)
        {
            var tally = new PingTally(shape, done);
            var pairCatalyst = host.NewCatalyst($"pair-{i}");
            var ping = host.Spawn(() => new PingTonic(tally, pairCatalyst));
            var pongCatalyst = TaskTonicHost.Spread ? host.NewCatalyst($"pong-{i}") : null;
            ping.Partner = host.Spawn(() => new PongTonic(pongCatalyst), ping);
            _pings[i] = ping;
        }
    }

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
