using System.Reactive.Subjects;

namespace TaskTonic.Dataflow.Tests.EventBinding;

/// <summary>The payload of <see cref="Widget.Clicked"/>.</summary>
public sealed record ClickArgs(int Count);

/// <summary>A plain class with .NET events, as a UI widget would have.</summary>
public sealed class Widget
{
    public event EventHandler<ClickArgs>? Clicked;

    public event Action<int, string>? Moved;

    public int ClickedHandlers => Clicked?.GetInvocationList().Length ?? 0;

    public int MovedHandlers => Moved?.GetInvocationList().Length ?? 0;

    public void Click(int count) => Clicked?.Invoke(this, new ClickArgs(count));

    public void Move(int x, string where) => Moved?.Invoke(x, where);
}

/// <summary>Binds a widget's events and an observable; records what ran, and on which thread.</summary>
internal sealed partial class Panel : Tonic
{
    // Matched by ttev__spare__moved through the _camelCase rule.
    private readonly Widget _spare = new();

    public Panel(Catalyst? catalyst = null)
        : base(new TonicOptions { Catalyst = catalyst })
    {
    }

    public Widget OkButton { get; } = new();

    public Subject<int> Ticks { get; } = new();

    public Widget Spare => _spare;

    public List<string> Seen { get; } = [];

    public HashSet<int> Threads { get; } = [];

    private void ttev__ok_button__clicked(object? sender, ClickArgs e)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Seen.Add($"click {e.Count} from {(ReferenceEquals(sender, OkButton) ? "ok" : "?")}");
    }

    private void ttev__spare__moved(int x, string where) => Seen.Add($"move {x} {where}");

    private void ttev__ticks__next(int value)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Seen.Add($"tick {value}");
    }

    private void ttev__ticks__completed() => Seen.Add("completed");
}

/// <summary>State variants of a binding: dispatched by the state when the sparkle runs.</summary>
[TonicStates("idle", "armed")]
internal sealed partial class Trigger : Tonic
{
    private Widget? _button;

    public Widget Button => _button!;

    public List<string> Seen { get; } = [];

    // Assigned in on_start: bindings are subscribed right after it.
    private void ttse__on_start()
    {
        _button = new Widget();
        ToState(States.Idle);
    }

    private void ttsc__arm() => ToState(States.Armed);

    private void ttev__button__clicked(ClickArgs e) => Seen.Add($"ignored {e.Count}");

    private void ttev_armed__button__clicked(ClickArgs e) => Seen.Add($"fired {e.Count}");
}

/// <summary>An observable without an error handler.</summary>
internal sealed partial class Careless : Tonic
{
    public Subject<string> Source { get; } = new();

    public List<string> Seen { get; } = [];

    private void ttev__source__next(string value) => Seen.Add(value);
}

/// <summary>Binds a member that stays null: binding fails.</summary>
internal sealed partial class Unassigned : Tonic
{
    public Widget? Button { get; set; }

    private void ttev__button__clicked() { }
}

/// <summary>The attribute form: [BindEvent] with nameof, and its state variant.</summary>
[TonicStates("quiet")]
internal sealed partial class AttributePanel : Tonic
{
    private readonly Widget _okButton = new();

    public Widget OkButton => _okButton;

    public Subject<int> Ticks { get; } = new();

    public List<string> Seen { get; } = [];

    [Command]
    private void OnQuiet() => ToState(States.Quiet);

    [BindEvent(nameof(_okButton), nameof(Widget.Clicked))]
    private void Confirm(ClickArgs e) => Seen.Add($"confirm {e.Count}");

    [BindEvent(nameof(_okButton), nameof(Widget.Clicked)), InState("quiet")]
    private void ConfirmQuietly(ClickArgs e) => Seen.Add($"quiet {e.Count}");

    [BindEvent(nameof(Ticks), "Next")]
    private void Tick(int value) => Seen.Add($"tick {value}");
}
