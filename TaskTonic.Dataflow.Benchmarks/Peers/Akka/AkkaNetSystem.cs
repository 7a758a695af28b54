using Akka.Actor;
using Akka.Configuration;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>Creates and terminates the Akka.NET actor systems of the suite: default dispatcher, all logging off.</summary>
internal static class AkkaNetSystem
{
    private static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-config-on-start = off
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    /// <summary>A new actor system with logging and dead-letter logging off and every other setting at its default.</summary>
    public static ActorSystem Create(string name) => ActorSystem.Create(name, Quiet);

    /// <summary>Terminates <paramref name="system"/> and waits until it has.</summary>
    public static void Terminate(ActorSystem? system)
    {
        if (system is not null && !system.Terminate().Wait(Watchdog))
        {
            throw new TimeoutException($"Akka.NET system '{system.Name}' did not terminate.");
        }
    }

    /// <summary>Stops <paramref name="actor"/> (and its children) and waits until it has terminated.</summary>
    public static void StopAndWait(IActorRef actor)
    {
        if (!actor.GracefulStop(Watchdog).Wait(Watchdog))
        {
            throw new TimeoutException($"Akka.NET actor {actor.Path} did not stop.");
        }
    }

    private static TimeSpan Watchdog => Infrastructure.CompletionSignal.Watchdog;
}
