namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    // The stores this tonic subscribed to; they drop its subscriptions when it finishes (on its catalyst, after ttse__on_finished).
    private static readonly Lock s_storeGate = new();
    private List<Store>? _stores;

    /// <summary>Registers <paramref name="store"/> to be told when this tonic finishes; false when it is already finishing.</summary>
    internal bool AddStoreSubscriber(Store store)
    {
        lock (s_storeGate)
        {
            if (IsFinishing)
            {
                return false;
            }

            _stores ??= [];
            if (!_stores.Contains(store))
            {
                _stores.Add(store);
            }

            return true;
        }
    }

    private void NotifyStoresFinishing()
    {
        Store[] stores;
        lock (s_storeGate)
        {
            if (_stores is null)
            {
                return;
            }

            stores = [.. _stores];
            _stores = null;
        }

        foreach (var store in stores)
        {
            store.TonicFinishing(this);
        }
    }
}
