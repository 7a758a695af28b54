namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>Moves the state machine from On to Off; not expected in Off.</summary>
public sealed class SwitchOff(int sequence) : SwitchEvent(sequence);
