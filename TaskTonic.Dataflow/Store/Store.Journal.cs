namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    private StoreJournal? _journal;

    /// <summary>Starts recording every applied write in a new <see cref="StoreJournal"/> (replacing the current one).</summary>
    public StoreJournal StartJournal()
    {
        lock (_lock)
        {
            return _journal = new StoreJournal();
        }
    }

    /// <summary>Stops recording; the journal keeps its entries.</summary>
    public void StopJournal()
    {
        lock (_lock)
        {
            _journal = null;
        }
    }
}
