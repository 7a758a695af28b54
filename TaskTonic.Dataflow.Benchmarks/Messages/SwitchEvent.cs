namespace TaskTonic.Dataflow.Benchmarks.Messages;

/// <summary>An event for the two-state machine (Off ⇄ On).</summary>
public abstract class SwitchEvent(int sequence)
{
    /// <summary>Gets the event's number within its run.</summary>
    public int Sequence { get; } = sequence;

    /// <summary>The event with number <paramref name="sequence"/>: even numbers switch on, odd ones switch off.</summary>
    public static SwitchEvent Create(int sequence) =>
        (sequence & 1) == 0 ? new SwitchOn(sequence) : new SwitchOff(sequence);
}
