namespace TaskTonic.Dataflow.Samples.EventBinding;

/// <summary>
/// Binds a console button and a ticker to sparkles by name: <c>ttev__button__pressed</c> subscribes
/// <c>Button.Pressed</c>, <c>ttev__ticker__next</c> the ticker's notifications. Both are subscribed right after
/// <c>ttse__on_start</c> and unsubscribed when the panel finishes; every event only posts a sparkle, which runs on the
/// panel's catalyst (here a UI-like SynchronizationContext), whatever thread raised it.
/// </summary>
[TonicStates("running", "paused")]
internal sealed partial class ControlPanel(TextWriter output, Catalyst ui, int uiThread) : Tonic(new TonicOptions { Catalyst = ui })
{
    public ConsoleButton Button { get; } = new();

    public Ticker Ticker { get; } = new(count: 6, period: TimeSpan.FromMilliseconds(40));

    private string Thread => Environment.CurrentManagedThreadId == uiThread ? "ui thread" : "another thread";

    private void ttse__on_start() => ToState(States.Running);

    private void ttev__ticker__next(int tick) => output.WriteLine($"tick {tick} on the {Thread}");

    // Late binding: while paused, this variant runs instead of the generic handler.
    private void ttev_paused__ticker__next(int tick) => output.WriteLine($"tick {tick} ignored (paused)");

    private void ttev__ticker__completed()
    {
        output.WriteLine("ticker completed: finishing");
        Finish();
    }

    private void ttev__button__pressed(KeyPress press)
    {
        output.WriteLine($"key '{press.Key}' on the {Thread}");
        ToState(State == States.Paused ? States.Running : States.Paused);
    }

    private void ttse__on_enter() => output.WriteLine($"  -> {StateName}");
}
