using TaskTonic.Dataflow;
using TaskTonic.Dataflow.Timers;

namespace TaskTonicService;

/// <summary>Logs a beat every period; with <c>maxBeats</c> above zero it finishes after that many.</summary>
public sealed partial class Heartbeat : Tonic   // partial: the generator wires the handlers below
{
    private readonly TimeSpan _period;
    private readonly int _maxBeats;

    public Heartbeat(TimeSpan period, int maxBeats = 0)
        : base("heartbeat")
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBeats);
        _period = period;
        _maxBeats = maxBeats;
    }

    public int Beats { get; private set; }

    private void ttse__on_start() => _ = new RepeatTimer(_period, name: "beat");

    // The timer named "beat" calls ttse__on_beat on this tonic's catalyst.
    private void ttse__on_beat()
    {
        Beats++;
        Log($"beat {Beats}");
        if (_maxBeats > 0 && Beats >= _maxBeats)
        {
            Finish();
        }
    }
}
