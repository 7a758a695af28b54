using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

/// <summary>
/// The ping actor's bookkeeping, shared by every implementation: how many pongs came back, whether
/// another ping must go out, and the pair's completion. Owned by one ping actor.
/// </summary>
public sealed class PingTally(PingPongShape shape, CompletionSignal done)
{
    private int _pongs;

    /// <summary>Gets the number of pings a ping actor sends when it receives <see cref="Messages.StartRun"/>.</summary>
    public int InFlight => shape.InFlight;

    /// <summary>
    /// Counts one pong. Returns true when the ping actor must answer it with a new ping (so that
    /// <see cref="PingPongShape.RoundTripsPerPair"/> pings are sent in all); the pair's last pong signals <c>done</c>.
    /// </summary>
    public bool OnPong()
    {
        var pongs = ++_pongs;
        if (pongs == shape.RoundTripsPerPair)
        {
            _pongs = 0;
            done.Signal(pongs);
            return false;
        }

        return pongs <= shape.RoundTripsPerPair - shape.InFlight;
    }
}
