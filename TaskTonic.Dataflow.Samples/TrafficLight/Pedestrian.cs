using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Samples.TrafficLight;

/// <summary>Walks up to the light: presses its button at each of the given moments (a repeat timer ticks them off), then leaves.</summary>
internal sealed partial class Pedestrian : Tonic
{
    private readonly TrafficLightController _light;
    private readonly TextWriter _output;
    private readonly Queue<TimeSpan> _presses;
    private long _startedAt;

    /// <summary>Creates a pedestrian who will press <paramref name="light"/>'s button.</summary>
    /// <param name="light">The light whose button is pressed.</param>
    /// <param name="output">Where to say so.</param>
    /// <param name="resolution">How often the pedestrian looks at the time.</param>
    /// <param name="presses">When to press, from the pedestrian's start, in increasing order.</param>
    public Pedestrian(TrafficLightController light, TextWriter output, TimeSpan resolution, params TimeSpan[] presses)
    {
        _light = light;
        _output = output;
        _presses = new Queue<TimeSpan>(presses);
        Resolution = resolution;
    }

    private TimeSpan Resolution { get; }

    private void ttse__on_start()
    {
        _startedAt = Ledger.TimeProvider.GetTimestamp();
        _ = new RepeatTimer(Resolution, name: "look at watch");
    }

    private void ttse__on_look_at_watch()
    {
        var elapsed = Ledger.TimeProvider.GetElapsedTime(_startedAt);
        if (_presses.Count > 0 && elapsed >= _presses.Peek())
        {
            _presses.Dequeue();
            _output.WriteLine("[pedestrian] presses the button");
            _light.PressButton();
        }

        if (_presses.Count == 0)
        {
            Finish();
        }
    }
}
