namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    // The stores this tonic subscribed to; they drop its subscriptions when it finishes (on its catalyst, after
    // ttse__on_finished). Copy-on-write with a closed marker instead of a lock: every finishing tonic passes here, and a
    // process-wide lock on that path would make all catalysts contend for it.
    private static readonly Store[] s_storesClosed = [];
    private Store[]? _stores;

    /// <summary>Registers <paramref name="store"/> to be told when this tonic finishes; false when it is already finishing.</summary>
    internal bool AddStoreSubscriber(Store store)
    {
        while (true)
        {
            var current = Volatile.Read(ref _stores);
            if (ReferenceEquals(current, s_storesClosed) || IsFinishing)
            {
                return false;
            }

            if (current is not null && Array.IndexOf(current, store) >= 0)
            {
                return true;
            }

            Store[] next = current is null ? [store] : [.. current, store];
            if (ReferenceEquals(Interlocked.CompareExchange(ref _stores, next, current), current))
            {
                return true;
            }
        }
    }

    private void NotifyStoresFinishing()
    {
        var stores = Interlocked.Exchange(ref _stores, s_storesClosed);
        if (stores is null || ReferenceEquals(stores, s_storesClosed))
        {
            return;
        }

        foreach (var store in stores)
        {
            store.TonicFinishing(this);
        }
    }
}
