using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Reporting;

/// <summary>Human titles and size descriptions of the scenarios, for the reports.</summary>
internal static class ScenarioTitles
{
    /// <summary>The scenario's title.</summary>
    public static string Title(Scenario scenario) => scenario switch
    {
        Scenario.Flood => "One-way flood",
        Scenario.PingPong => "Ping-pong",
        Scenario.ScatterGather => "Scatter-gather",
        Scenario.SkyNet => "SkyNet",
        Scenario.Spawn => "Spawn, first message, stop",
        Scenario.StateMachine => "State-machine transitions",
        Scenario.Chain => "Chain (self-post)",
        Scenario.Pipeline => "Pipeline of 4 stages on 4 catalysts",
        _ => scenario.ToString(),
    };

    /// <summary>What one invocation does, with the sizes in force.</summary>
    public static string Size(Scenario scenario) => scenario switch
    {
        Scenario.Flood => $"{BenchmarkSize.FloodMessages:N0} messages into one actor, split over the producer threads",
        Scenario.PingPong => $"{BenchmarkSize.PingPongMessages:N0} messages (pings + pongs) split over the pairs. TaskTonic.Dataflow (default layout): a pair's ping and pong share one catalyst, as a child shares its base's by default; spread: each on a catalyst of its own, so every message crosses catalysts, as every peer's message crosses actors",
        Scenario.ScatterGather => $"{BenchmarkSize.ScatterGatherRounds:N0} rounds × {BenchmarkSize.ScatterGatherWorkers:N0} workers × (request + reply) = {BenchmarkSize.OperationsPerInvoke(scenario):N0} messages",
        Scenario.SkyNet => $"{BenchmarkSize.SkyNetLeaves:N0} leaves = {BenchmarkSize.SkyNetActors:N0} actors spawned, summed (answer {BenchmarkSize.SkyNetAnswer:N0} checked) and stopped",
        Scenario.Spawn => $"{BenchmarkSize.SpawnActors:N0} actors spawned, one message each, all stopped and awaited",
        Scenario.StateMachine => $"{BenchmarkSize.StateMachineTransitions:N0} events sent from one thread, each an exit action, a state change and an entry action",
        Scenario.Chain => $"{BenchmarkSize.ChainMessages:N0} messages, each posted by the previous handler to its own actor",
        Scenario.Pipeline => $"{BenchmarkSize.PipelineItems:N0} items sent from one thread into stage 1, each passed on by every stage (each on its own actor / catalyst / block) and counted by stage 4; bare: linked TransformBlocks into an ActionBlock",
        _ => string.Empty,
    };
}
