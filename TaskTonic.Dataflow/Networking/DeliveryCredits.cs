namespace TaskTonic.Dataflow.Networking;

/// <summary>
/// Back-pressure between a socket reader (off-catalyst) and the owner's handlers: the reader takes a credit per
/// frame and waits when none is left; a credit returns once the owner ran the frame's handler.
/// </summary>
#pragma warning disable CA1001 // The semaphore never allocates a wait handle (no AvailableWaitHandle), so there is nothing to dispose.
internal sealed class DeliveryCredits
{
    private readonly SemaphoreSlim _credits;
    private readonly int _limit;
    private readonly Action _releaseOne;
    private int _peak;

    public DeliveryCredits(int limit)
    {
        _limit = limit;
        _credits = new SemaphoreSlim(limit, limit);
        _releaseOne = () => Release();
    }

    /// <summary>Frames handed on whose handler has not run yet.</summary>
    public int Outstanding => _limit - _credits.CurrentCount;

    /// <summary>The largest <see cref="Outstanding"/> seen.</summary>
    public int Peak => Volatile.Read(ref _peak);

    public ValueTask TakeAsync(CancellationToken cancellation)
    {
        if (_credits.Wait(0, CancellationToken.None))
        {
            RecordPeak();
            return ValueTask.CompletedTask;
        }

        return WaitAsync(cancellation);
    }

    /// <summary>Returns the credit once <paramref name="consumer"/> has run everything queued to it so far.</summary>
    public void ReleaseAfter(object consumer)
    {
        if (consumer is Tonic { IsFinishing: false } tonic)
        {
            tonic.PostUserCallback(_releaseOne);
        }
        else
        {
            Release();
        }
    }

    public void Release()
    {
        if (_credits.CurrentCount < _limit)
        {
            _credits.Release();
        }
    }

    private async ValueTask WaitAsync(CancellationToken cancellation)
    {
        await _credits.WaitAsync(cancellation).ConfigureAwait(false);
        RecordPeak();
    }

    private void RecordPeak()
    {
        var outstanding = Outstanding;
        int peak;
        while (outstanding > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, outstanding, peak) != peak)
        {
        }
    }
}
#pragma warning restore CA1001
