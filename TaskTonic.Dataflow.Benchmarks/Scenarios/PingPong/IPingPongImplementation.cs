using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

/// <summary>
/// Ping-pong: <see cref="PingPongShape.Pairs"/> ping actors, each with its own pong actor (its child where
/// the framework has children). A ping actor that receives <see cref="Messages.StartRun"/> sends
/// <see cref="PingTally.InFlight"/> <see cref="Messages.Ping"/>s; the pong actor answers every ping with a
/// <see cref="Messages.Pong"/> to its ping actor; the ping actor answers each pong with a new ping when
/// <see cref="PingTally.OnPong"/> says so.
/// </summary>
public interface IPingPongImplementation : IDisposable
{
    /// <summary>Creates the pairs; each ping actor owns a <c>new PingTally(shape, done)</c>.</summary>
    void Setup(PingPongShape shape, CompletionSignal done);

    /// <summary>Sends one <see cref="Messages.StartRun"/> to every ping actor.</summary>
    void Start();
}
