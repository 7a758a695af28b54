namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// Keeps a pool catalyst alive while it is in the pool: a worker catalyst finishes when its last bound tonic leaves,
/// and a pool catalyst may be empty for a while (every key passivated or moved away).
/// </summary>
internal sealed class PoolResident : Tonic
{
    public PoolResident(Catalyst catalyst)
        : base(null, catalyst, catalyst, null)
    {
    }
}
