using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

// A tonic registers itself in its base constructor; when a derived constructor (or the factory around it) throws,
// ConstructionLog abandons it here: it leaves the ledger, its base's infusions and its catalyst, and never starts.
public abstract partial class Tonic
{
    private volatile bool _abandoned;

    /// <summary>True when its construction failed and was undone: it never starts and every work order for it is ignored.</summary>
    internal bool IsAbandoned => _abandoned;

    /// <summary>
    /// Undoes the registration the base constructor made. Called on the constructing thread, before the tonic's start
    /// could run (its start is still pending in the creating frame, or queued on the catalyst this thread is running).
    /// </summary>
    internal void AbandonConstruction()
    {
        if (_abandoned || _phase != Phase.Created)
        {
            return;
        }

        _abandoned = true;
        _phase = Phase.Completed;
        _ledger.Unregister(this);
        if (Parent is { } parent)
        {
            Volatile.Read(ref parent._infusions)?.Remove(this);

            // A base that is finishing may already wait for this infusion: let it check again (no hook runs for it).
            parent.PostSystem(SystemSparkle.InfusionCompleted, this);
        }

        AbandonCell();
    }
}
