namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>Moves the state machine from Off to On; not expected in On.</summary>
public sealed class SwitchOn(int sequence) : SwitchEvent(sequence);
