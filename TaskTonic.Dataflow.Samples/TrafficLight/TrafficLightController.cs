using System.Globalization;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Samples.TrafficLight;

/// <summary>
/// A traffic light: states red, green and yellow, each ended by a single-shot timer named "phase" whose expiry the
/// state-specific handler turns into the next state. The pedestrian button shortens green: pressed during green it
/// cuts the running phase; pressed during red or yellow it makes the next green short. After the given number of
/// cycles the light finishes itself.
/// </summary>
internal sealed partial class TrafficLightController : Tonic
{
    private readonly TextWriter _output;
    private readonly LightTimings _timings;
    private readonly int _cycles;
    private long _startedAt;
    private SingleShotTimer? _phase;
    private int _cycle;
    private bool _buttonPressed;

    public TrafficLightController(TextWriter output, LightTimings timings, int cycles)
        : base("traffic_light")
    {
        _output = output;
        _timings = timings;
        _cycles = cycles;
    }

    /// <summary>What happened so far, e.g. "1:red", "1:green", "1:button(green cut)".</summary>
    public List<string> Transitions { get; } = [];

    private void ttse__on_start()
    {
        _startedAt = Ledger.TimeProvider.GetTimestamp();
        ToState(States.Red);
    }

    private void ttse_red__on_enter()
    {
        _cycle++;
        StartPhase("red", _timings.Red);
    }

    private void ttse_red__on_phase() => ToState(States.Green);

    private void ttse_green__on_enter()
    {
        var shortened = _buttonPressed;
        _buttonPressed = false;
        StartPhase("green", shortened ? _timings.ShortGreen : _timings.Green, shortened ? " (short: the button was pressed)" : string.Empty);
    }

    private void ttse_green__on_phase() => ToState(States.Yellow);

    private void ttse_yellow__on_enter() => StartPhase("yellow", _timings.Yellow);

    private void ttse_yellow__on_phase()
    {
        if (_cycle < _cycles)
        {
            ToState(States.Red);
        }
        else
        {
            Print($"{_cycles} cycles done, switching off");
            Finish();
        }
    }

    /// <summary>The pedestrian button while green: cut the green phase short (unless it ends sooner anyway).</summary>
    private void ttsc_green__press_button()
    {
        var left = _phase!.Expiry!.Value - Ledger.TimeProvider.GetUtcNow();
        if (left > _timings.ShortGreen)
        {
            _phase.ChangeDelay(_timings.ShortGreen).Restart();
            Transitions.Add($"{_cycle}:button(green cut)");
            Print($"button pressed: green ends in {Ms(_timings.ShortGreen)} instead of {Ms(left)}");
        }
    }

    /// <summary>The pedestrian button in any other state: the next green is short.</summary>
    private void ttsc__press_button()
    {
        _buttonPressed = true;
        Transitions.Add($"{_cycle}:button(noted)");
        Print($"button pressed during {StateName}: the next green will be short");
    }

    private void ttse__on_finished() => Print("light is off");

    private void StartPhase(string state, TimeSpan duration, string note = "")
    {
        Transitions.Add($"{_cycle}:{state}");
        Print($"cycle {_cycle}: {state.ToUpperInvariant()} for {Ms(duration)}{note}");
        _phase = new SingleShotTimer(duration, name: "phase");
    }

    private void Print(string text)
    {
        var elapsed = Ledger.TimeProvider.GetElapsedTime(_startedAt);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[+{elapsed.TotalMilliseconds,4:0} ms] {text}"));
    }

    private static string Ms(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms");
}
