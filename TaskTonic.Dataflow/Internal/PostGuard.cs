using System.Runtime.InteropServices;

namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// Counts posts from other threads that are on their way into a catalyst's queue through a tonic's direct path, so a
/// tonic switching its mailbox (a move or a suspension, run on the catalyst) can wait until none of them can still land.
/// </summary>
/// <remarks>
/// One per catalyst, padded to its own cache line: every post from another thread writes the counter, and sharing the
/// line with a tonic's fields (which the catalyst reads per work order) made producers and consumer steal it from each
/// other. Posts made on the tonic's own catalyst skip the guard: no switch can run meanwhile.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal sealed class PostGuard
{
    [FieldOffset(64)] private int _inFlight;

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Waits until no guarded post is in flight. Call after publishing the switch (the fence orders the two).</summary>
    public void WaitUntilIdle()
    {
        Interlocked.MemoryBarrier();
        var spin = default(SpinWait);
        while (Volatile.Read(ref _inFlight) != 0)
        {
            spin.SpinOnce();
        }
    }
}
