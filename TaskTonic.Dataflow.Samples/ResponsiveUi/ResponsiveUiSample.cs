namespace TaskTonic.Dataflow.Samples.ResponsiveUi;

/// <summary>Runs <see cref="UiTonic"/> on a UI-like SynchronizationContext while a worker catalyst crunches.</summary>
internal static class ResponsiveUiSample
{
    public static async Task RunAsync(TextWriter output)
    {
        using var uiContext = new ConsoleUiContext();
        var formula = new Formula();
        formula.AddStartingTonic(() =>
        {
            var ui = new Catalyst(new CatalystOptions { Name = "ui", Threading = CatalystThreading.SynchronizationContext, SynchronizationContext = uiContext });
            return new UiTonic(output, ui, uiContext.ThreadId);
        });
        await formula.RunAsync();
    }
}
