using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Testing;

/// <summary>
/// A small multi-catalyst application: the hub (main catalyst) creates two workers on catalysts c1 and c2, hands them
/// submitted items alternately, collects their replies in arrival order, counts a repeating timer, and finishes itself
/// (and so the whole tree) once every item came back and the timer ticked twice.
/// </summary>
[TonicStates("running", "draining")]
internal sealed partial class RelayHub : Tonic
{
    private readonly int _items;

    public RelayHub(int items)
        : base("hub") => _items = items;

    public RelayWorker? W1 { get; private set; }

    public RelayWorker? W2 { get; private set; }

    public List<string> Results { get; } = [];

    public List<string> History { get; } = [];

    public int Ticks { get; private set; }

    private void ttse__on_start()
    {
        W1 = new RelayWorker("w1", new Catalyst(new CatalystOptions { Name = "c1" }));
        W2 = new RelayWorker("w2", new Catalyst(new CatalystOptions { Name = "c2" }));
        _ = new RepeatTimer(TimeSpan.FromMilliseconds(5), name: "tick");
        ToState(States.Running);
    }

    private void ttsc__submit(int item, string text)
    {
        History.Add($"submit {item}");
        (item % 2 == 0 ? W1 : W2)!.Work(item, text, this);
    }

    private void ttse__done(string worker, int item, string result)
    {
        History.Add($"done {worker} {item}");
        Results.Add($"{worker}:{item}:{result}");
        if (Results.Count == _items)
        {
            ToState(States.Draining);
        }
    }

    private void ttse_draining__on_enter() => FinishWhenDone();

    private void ttse__on_tick()
    {
        History.Add($"tick {Ticks}");
        Ticks++;
        FinishWhenDone();
    }

    private void FinishWhenDone()
    {
        if (Results.Count == _items && Ticks >= 2)
        {
            Finish();
        }
    }
}
