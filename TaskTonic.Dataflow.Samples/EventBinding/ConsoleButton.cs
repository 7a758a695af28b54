namespace TaskTonic.Dataflow.Samples.EventBinding;

/// <summary>What <see cref="ConsoleButton.Pressed"/> reports.</summary>
internal sealed record KeyPress(char Key);

/// <summary>A console "widget": a plain class with a .NET event, raised on whatever thread presses it.</summary>
internal sealed class ConsoleButton
{
    public event EventHandler<KeyPress>? Pressed;

    public void Press(char key) => Pressed?.Invoke(this, new KeyPress(key));
}
