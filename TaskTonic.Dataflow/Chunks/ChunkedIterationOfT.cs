using System.Diagnostics.CodeAnalysis;

namespace TaskTonic.Dataflow.Chunks;

/// <summary>
/// A running chunked iteration (started with <see cref="ChunkedIteration.Start{T}(IEnumerable{T}, Action{T}, ChunkOptions?, Action{ChunkResult}?)"/>):
/// every chunk is a sparkle of <see cref="Owner"/> that processes up to a chunk size of items (or until the time
/// budget is spent) and re-posts the next chunk to the back of the owner's mailbox.
/// </summary>
/// <remarks>
/// <para>
/// Guarantees: items are processed in order, only on the owner's catalyst, never concurrently with the owner's other
/// sparkles; work queued while a chunk runs (including other tonics' sparkles on the same catalyst) runs before the next
/// chunk. <see cref="Cancel"/> takes effect before the next chunk: a running chunk completes, then no further item is
/// processed. The completion callback runs once, as its own sparkle, when the iteration completed, was cancelled, or
/// failed (a throwing item stops it; the exception is also a dead letter, <see cref="Ledger.DeadLetters"/>).
/// </para>
/// <para>
/// When the owner finishes first, its pending chunk is dropped and counted by the ledger (<see cref="Ledger.DroppedCount"/>);
/// once the owner completed, the iteration disposes its enumerator (after a pending <c>MoveNextAsync</c> finished) and
/// only then reports <see cref="ChunkOutcome.Abandoned"/>; no callback runs.
/// </para>
/// <para>In Distiller traces, chunks and the completion callback show as <c>tts__callback</c> sparkles of the owner.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The CancellationTokenSource has no timer and no linked tokens, so it holds nothing to release; " +
                    "not disposing it lets Cancel run safely from any thread at any time.")]
public sealed class ChunkedIteration<T> : IChunkRun
{
    private readonly Action<T> _perItem;
    private readonly Action<ChunkResult>? _onCompleted;
    private readonly int _chunkSize;
    private readonly TimeSpan? _timeBudget;
    private readonly Lock _gate = new();
    private Action _runChunk = null!;
    private Action? _onMoved;
    private IEnumerator<T>? _items;
    private IAsyncEnumerator<T>? _asyncItems;
    private CancellationTokenSource? _cancellation;
    private ValueTask<bool> _move;
    private bool _moving;
    private bool _resumed;
    private bool _abandoned;
    private long _processed;
    private int _chunks;
    private volatile bool _cancelRequested;
    private ChunkResult? _result;

    internal ChunkedIteration(Tonic owner, Action<T> perItem, ChunkOptions options, Action<ChunkResult>? onCompleted)
    {
        Owner = owner;
        _perItem = perItem;
        _onCompleted = onCompleted;
        _chunkSize = options.EffectiveChunkSize;
        _timeBudget = options.TimeBudget;
    }

    /// <summary>The tonic whose catalyst runs the chunks.</summary>
    public Tonic Owner { get; }

    /// <summary>The items processed so far (the per-item action returned normally).</summary>
    public long ProcessedCount => Interlocked.Read(ref _processed);

    /// <summary>The chunk sparkles so far that processed at least one item.</summary>
    public int ChunkCount => Volatile.Read(ref _chunks);

    /// <summary>True once <see cref="Cancel"/> was called.</summary>
    public bool IsCancellationRequested => _cancelRequested;

    /// <summary>True once the iteration ended (see <see cref="Result"/>).</summary>
    public bool IsFinished => Result is not null;

    /// <summary>How the iteration ended, or null while it runs.</summary>
    public ChunkResult? Result => Volatile.Read(ref _result);

    /// <summary>
    /// Requests cancellation: the next chunk sparkle stops the iteration instead of processing items, and the completion
    /// callback reports <see cref="ChunkOutcome.Cancelled"/>. Thread-safe and idempotent; does nothing once finished.
    /// </summary>
    public void Cancel()
    {
        _cancelRequested = true;

        // Asynchronous, so no code waiting on the token runs inline inside the caller's sparkle.
        _ = _cancellation?.CancelAsync();
    }

    /// <inheritdoc />
    public override string ToString() =>
        Result?.ToString() ?? $"Running on {Owner.Name}: {ProcessedCount} items in {ChunkCount} chunks";

    void IChunkRun.Abandon()
    {
        bool moving;
        lock (_gate)
        {
            if (_result is not null || _abandoned)
            {
                return;
            }

            _abandoned = true;
            moving = _moving;
        }

        // A pending MoveNextAsync must finish before its enumerator may be disposed: OnMoved does it then.
        if (!moving)
        {
            FinishAbandoned();
        }
    }

    /// <summary>Disposes the source, then publishes the outcome, so whoever sees the iteration finished sees it released.</summary>
    private void FinishAbandoned()
    {
        DisposeQuietly();
        var result = new ChunkResult(ChunkOutcome.Abandoned, ProcessedCount, ChunkCount, null);
        lock (_gate)
        {
            if (_result is null)
            {
                Volatile.Write(ref _result, result);
            }
        }
    }

    internal void Begin(IEnumerator<T> items)
    {
        _items = items;
        _runChunk = RunChunk;
        Owner.TrackChunkRun(this);
        Owner.PostUserCallback(_runChunk);
    }

    internal void Begin(IAsyncEnumerable<T> items)
    {
        _cancellation = new CancellationTokenSource();
        _asyncItems = items.GetAsyncEnumerator(_cancellation.Token);
        _runChunk = RunAsyncChunk;
        _onMoved = OnMoved;
        Owner.TrackChunkRun(this);
        Owner.PostUserCallback(_runChunk);
    }

    /// <summary>One chunk over an <see cref="IEnumerable{T}"/>; a sparkle of the owner.</summary>
    private void RunChunk()
    {
        if (_result is not null)
        {
            return;
        }

        if (_cancelRequested)
        {
            End(ChunkOutcome.Cancelled, null);
            return;
        }

        var items = _items!;
        var clock = Owner.Ledger.TimeProvider;
        var started = _timeBudget is null ? 0 : clock.GetTimestamp();
        var done = 0;
        try
        {
            while (true)
            {
                if (!items.MoveNext())
                {
                    Count(done);
                    End(ChunkOutcome.Completed, null);
                    return;
                }

                _perItem(items.Current);
                done++;
                if (done >= _chunkSize || (_timeBudget is { } budget && clock.GetElapsedTime(started) >= budget))
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            Count(done);
            End(ChunkOutcome.Failed, ex);
            throw;
        }

        Count(done);
        Owner.PostUserCallback(_runChunk);
    }

    /// <summary>One chunk over an <see cref="IAsyncEnumerable{T}"/>; a sparkle of the owner.</summary>
    private void RunAsyncChunk()
    {
        if (_result is not null)
        {
            return;
        }

        var resumed = _resumed;
        _resumed = false;
        if (_cancelRequested)
        {
            if (resumed)
            {
                Observe(_move);
            }

            End(ChunkOutcome.Cancelled, null);
            return;
        }

        var items = _asyncItems!;
        var clock = Owner.Ledger.TimeProvider;
        var started = _timeBudget is null ? 0 : clock.GetTimestamp();
        var done = 0;
        try
        {
            while (true)
            {
                bool more;
                if (resumed)
                {
                    resumed = false;
                    more = _move.GetAwaiter().GetResult();
                }
                else
                {
                    var move = items.MoveNextAsync();
                    if (!move.IsCompleted)
                    {
                        // Wait off the catalyst; the completion comes back as the next chunk sparkle.
                        Count(done);
                        _move = move;
                        lock (_gate)
                        {
                            _moving = true;
                        }

                        move.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onMoved!);
                        return;
                    }

                    more = move.GetAwaiter().GetResult();
                }

                if (!more)
                {
                    Count(done);
                    End(ChunkOutcome.Completed, null);
                    return;
                }

                _perItem(items.Current);
                done++;
                if (done >= _chunkSize || (_timeBudget is { } budget && clock.GetElapsedTime(started) >= budget))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_cancelRequested)
        {
            Count(done);
            End(ChunkOutcome.Cancelled, null);
            return;
        }
        catch (Exception ex)
        {
            Count(done);
            End(ChunkOutcome.Failed, ex);
            throw;
        }

        Count(done);
        Owner.PostUserCallback(_runChunk);
    }

    /// <summary>A pending MoveNextAsync completed (any thread): continue in a sparkle, or clean up if the owner is gone.</summary>
    private void OnMoved()
    {
        bool abandoned;
        lock (_gate)
        {
            _moving = false;
            abandoned = _abandoned;
        }

        if (abandoned)
        {
            Observe(_move);
            FinishAbandoned();
            return;
        }

        _resumed = true;
        Owner.PostUserCallback(_runChunk);
    }

    private void Count(int done)
    {
        if (done > 0)
        {
            Interlocked.Add(ref _processed, done);
            Interlocked.Increment(ref _chunks);
        }
    }

    /// <summary>Ends the iteration on the owner's catalyst and queues the completion callback.</summary>
    private void End(ChunkOutcome outcome, Exception? exception)
    {
        var result = new ChunkResult(outcome, ProcessedCount, ChunkCount, exception);
        lock (_gate)
        {
            Volatile.Write(ref _result, result);
        }

        Owner.UntrackChunkRun(this);
        DisposeItems();
        if (_onCompleted is { } onCompleted)
        {
            Owner.PostUserCallback(() => onCompleted(result));
        }
    }

    private void DisposeItems()
    {
        if (Interlocked.Exchange(ref _items, null) is { } items)
        {
            items.Dispose();
        }

        if (Interlocked.Exchange(ref _asyncItems, null) is { } asyncItems)
        {
            var disposing = asyncItems.DisposeAsync();
            if (!disposing.IsCompletedSuccessfully)
            {
                _ = disposing.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Disposes the source off the catalyst after the owner completed: there is no sparkle left to report a failure to.</summary>
    private void DisposeQuietly()
    {
        try
        {
            DisposeItems();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The owner is gone; a failing Dispose of an abandoned source has nobody to tell.
        }
    }

    /// <summary>Takes the outcome of a completed MoveNextAsync that will not be used, so a failure is never left unobserved.</summary>
    private static void Observe(ValueTask<bool> move)
    {
        try
        {
            move.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Cancelled or abandoned: the outcome no longer matters.
        }
    }
}
