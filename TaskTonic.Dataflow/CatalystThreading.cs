namespace TaskTonic.Dataflow;

/// <summary>Where a catalyst runs its work orders.</summary>
public enum CatalystThreading
{
    /// <summary>On the thread pool (default): one work order at a time, on whichever pool thread the block gets.</summary>
    ThreadPool,

    /// <summary>On a dedicated background thread of its own, which ends when the catalyst completes.</summary>
    DedicatedThread,

    /// <summary>On <see cref="CatalystOptions.SynchronizationContext"/> (a UI thread).</summary>
    SynchronizationContext,
}
