using Microsoft.Extensions.Logging.Abstractions;
using Proto;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>Creates and shuts down the Proto.Actor systems of the suite: default dispatcher and mailbox, no logging.</summary>
internal static class ProtoActorSystem
{
    /// <summary>A new actor system that logs nothing (also no dead-letter request logging) and has metrics off.</summary>
    public static ActorSystem Create()
    {
        Log.SetLoggerFactory(NullLoggerFactory.Instance);
        var config = ActorSystemConfig.Setup()
            .WithDeadLetterRequestLogging(false)
            .WithDeadLetterResponseLogging(false)
            .WithDeveloperSupervisionLogging(false)
            .WithDeveloperThreadPoolStatsLogging(false)
            .WithMetrics(false);
        return new ActorSystem(config);
    }

    /// <summary>Shuts <paramref name="system"/> down and waits until it has.</summary>
    public static void Shutdown(ActorSystem? system)
    {
        if (system is not null && !system.ShutdownAsync("benchmark finished").Wait(Infrastructure.CompletionSignal.Watchdog))
        {
            throw new TimeoutException("Proto.Actor system did not shut down.");
        }
    }

    /// <summary>Stops <paramref name="actor"/> (and its children) and waits until it has terminated.</summary>
    public static void StopAndWait(ActorSystem system, PID actor)
    {
        if (!system.Root.StopAsync(actor).Wait(Infrastructure.CompletionSignal.Watchdog))
        {
            throw new TimeoutException($"Proto.Actor actor {actor} did not stop.");
        }
    }
}
