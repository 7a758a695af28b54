namespace TaskTonic.Dataflow.Tests.Testing;

/// <summary>A worker of <see cref="RelayHub"/>: upper-cases a text and replies.</summary>
internal sealed partial class RelayWorker : Tonic
{
    public RelayWorker(string name, Catalyst catalyst)
        : base(new TonicOptions { Name = name, Catalyst = catalyst })
    {
    }

    public List<int> Seen { get; } = [];

    private void ttsc__work(int item, string text, RelayHub hub)
    {
        Seen.Add(item);
        hub.NotifyDone(Name, item, text.ToUpperInvariant());
    }
}
