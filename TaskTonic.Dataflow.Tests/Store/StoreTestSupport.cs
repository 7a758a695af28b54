namespace TaskTonic.Dataflow.Tests.Store;

/// <summary>Collects what a plain callback subscription receives.</summary>
internal sealed class Received
{
    public List<StoreChanges> Batches { get; } = [];

    public List<StoreChange> Changes => [.. Batches.SelectMany(b => b)];

    public void On(StoreChanges changes) => Batches.Add(changes);

    public static Received On(TaskTonic.Dataflow.Store store, string path, StoreSubscribeOptions? options = null)
    {
        var r = new Received();
        store.SubscribeCallback(path, r.On, options);
        return r;
    }
}
