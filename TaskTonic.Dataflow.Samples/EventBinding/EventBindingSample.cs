using TaskTonic.Dataflow.Samples.ResponsiveUi;

namespace TaskTonic.Dataflow.Samples.EventBinding;

/// <summary>
/// ttev__ bindings: a console "widget" pressed from a background thread and an IObservable ticker, delivered as
/// sparkles on a UI-like catalyst. After the panel finished, pressing the button reaches nothing (it was unsubscribed).
/// </summary>
internal static class EventBindingSample
{
    public static async Task RunAsync(TextWriter output)
    {
        using var uiContext = new ConsoleUiContext();
        var formula = new Formula();
        ControlPanel? panel = null;
        formula.AddStartingTonic(() =>
        {
            var ui = new Catalyst(new CatalystOptions { Name = "ui", Threading = CatalystThreading.SynchronizationContext, SynchronizationContext = uiContext });
            return panel = new ControlPanel(output, ui, uiContext.ThreadId);
        });
        var run = formula.RunAsync();

        // The "user": presses the button twice from a thread of its own, while the ticker ticks.
        var user = Task.Run(async () =>
        {
            await Task.Delay(90);
            panel!.Button.Press('p');
            await Task.Delay(80);
            panel.Button.Press('p');
        });
        await Task.WhenAll(run, user);
        panel!.Button.Press('x');
        output.WriteLine($"after finish, 'x' reached nothing; completed: {panel.IsCompleted}");
    }
}
