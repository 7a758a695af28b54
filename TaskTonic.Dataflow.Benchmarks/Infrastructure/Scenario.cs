namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>The scenarios of the suite; <see cref="BenchmarkSize"/> gives the size of each.</summary>
public enum Scenario
{
    /// <summary>One-way flood: producer threads send to one actor.</summary>
    Flood,

    /// <summary>Ping-pong between pairs of actors, with a window of messages in flight.</summary>
    PingPong,

    /// <summary>A coordinator sends a request to every worker and waits for all replies, round after round.</summary>
    ScatterGather,

    /// <summary>A 10-ary tree of actors, each leaf reporting its number; the root checks the sum.</summary>
    SkyNet,

    /// <summary>Spawn actors, send each one message, stop them all.</summary>
    Spawn,

    /// <summary>Events that switch a two-state machine back and forth.</summary>
    StateMachine,

    /// <summary>A handler that posts the next message to its own actor.</summary>
    Chain,

    /// <summary>Items flowing through a pipeline of stages, each stage on its own actor / catalyst.</summary>
    Pipeline,
}
