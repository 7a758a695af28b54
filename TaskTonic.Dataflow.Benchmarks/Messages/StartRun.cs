namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>Tells a driving actor (a ping actor, the scatter-gather coordinator) to start a run.</summary>
public sealed class StartRun;
