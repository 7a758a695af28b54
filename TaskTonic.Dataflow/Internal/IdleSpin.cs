using System.Diagnostics;

namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// The adaptive wait a catalyst's block makes after its queue ran dry, before its task ends: a message that arrives
/// within the window runs on the same task, without a new Task and a cold thread-pool wake.
/// </summary>
/// <remarks>
/// Bounded by time and adaptive, so an idle catalyst burns nothing: a window that ends without work quarters the next
/// one (down to zero); a catch, or a work order arriving within the full window after an idle moment, doubles it (up
/// to the maximum), so traffic that alternates catches and misses decays to no spinning. At most
/// <see cref="MaxSpinners"/> catalysts spin at once, and a spin ends as soon as the thread pool has queued work, so a
/// spinner never holds a pool thread that other work (such as its partner's task, queued on this very thread) needs. The fields are used
/// by the block's one running task only (max degree of parallelism 1), so they need no synchronisation.
/// </remarks>
internal sealed class IdleSpin
{
    /// <summary>
    /// The window when a catalyst does not choose one: off. Measured on the 2-core development box under load (issue 12),
    /// spinning removed the Task per message but cost latency and CPU; catalysts opt in with <see cref="CatalystOptions.IdleSpin"/>.
    /// </summary>
    public static readonly TimeSpan Default = TimeSpan.Zero;

    /// <summary>How many catalysts may spin at once: one per core.</summary>
    public static readonly int MaxSpinners = Environment.ProcessorCount;

    private static int s_spinners;

    /// <summary>Where the benchmarks' laboratory can override <see cref="Default"/> for new catalysts.</summary>
    internal static TimeSpan? Override { get; set; }

    private readonly long _maxTicks;
    private long _window;
    private long _idleSince;

    private IdleSpin(long maxTicks) => _window = _maxTicks = maxTicks;

    /// <summary>A spinner for <paramref name="window"/>, or null when spinning is off.</summary>
    public static IdleSpin? For(TimeSpan? window)
    {
        var chosen = window ?? Override ?? Default;
        return chosen <= TimeSpan.Zero ? null : new IdleSpin(Math.Max(1, chosen.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond));
    }

    /// <summary>Called for every work order: after an idle moment, learns whether a full window would have caught it.</summary>
    public void OnWork()
    {
        if (_idleSince != 0)
        {
            _window = Stopwatch.GetTimestamp() - _idleSince <= _maxTicks ? Grow(_window) : _window / 4;
            _idleSince = 0;
        }
    }

    /// <summary>Spins until <paramref name="hasWork"/> sees work (true) or the window ends (false: the task may end).</summary>
    public bool Await(Func<bool> hasWork)
    {
        var window = _window;
        var start = Stopwatch.GetTimestamp();
        if (window > 0 && Interlocked.Increment(ref s_spinners) <= MaxSpinners)
        {
            try
            {
                var spin = default(SpinWait);
                do
                {
                    if (hasWork())
                    {
                        _window = Grow(window);
                        return true;
                    }

                    // Work waiting for a pool thread (often our own block's partner, queued on this very thread) goes first.
                    if (ThreadPool.PendingWorkItemCount > 0)
                    {
                        break;
                    }

                    spin.SpinOnce(sleep1Threshold: -1);
                }
                while (Stopwatch.GetTimestamp() - start < window);
            }
            finally
            {
                Interlocked.Decrement(ref s_spinners);
            }

            if (hasWork())
            {
                return true;
            }

            _window = window / 4;
            start = Stopwatch.GetTimestamp();
        }
        else if (window > 0)
        {
            Interlocked.Decrement(ref s_spinners);
        }

        _idleSince = start;
        return false;
    }

    private long Grow(long window) => Math.Min(_maxTicks, Math.Max(window * 2, _maxTicks / 8));
}
