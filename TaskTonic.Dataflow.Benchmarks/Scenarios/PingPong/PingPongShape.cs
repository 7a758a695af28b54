namespace TaskTonic.Dataflow.Benchmarks.Scenarios.PingPong;

/// <summary>How many pairs play, how many pings each keeps in flight, and how many round trips each makes per run.</summary>
public readonly record struct PingPongShape(int Pairs, int InFlight, int RoundTripsPerPair);
