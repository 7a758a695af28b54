using TaskTonic.Dataflow.Chunks;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    // The chunked iterations running on this tonic: when it completes with one still running (its next chunk was
    // dropped), the iteration is abandoned and releases its enumerator. One continuation per tonic, only when used.
    private HashSet<IChunkRun>? _chunkRuns;

    /// <summary>Registers a running iteration. Called on this tonic's catalyst.</summary>
    internal void TrackChunkRun(IChunkRun run)
    {
        var runs = Volatile.Read(ref _chunkRuns);
        if (runs is null)
        {
            runs = new HashSet<IChunkRun>(ReferenceEqualityComparer.Instance);
            Volatile.Write(ref _chunkRuns, runs);
            _ = Completion.ContinueWith(static (_, state) => ((Tonic)state!).AbandonChunkRuns(), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        lock (runs)
        {
            runs.Add(run);
        }
    }

    /// <summary>Forgets an iteration that ended. Called on this tonic's catalyst.</summary>
    internal void UntrackChunkRun(IChunkRun run)
    {
        var runs = Volatile.Read(ref _chunkRuns);
        if (runs is null)
        {
            return;
        }

        lock (runs)
        {
            runs.Remove(run);
        }
    }

    private void AbandonChunkRuns()
    {
        var runs = Volatile.Read(ref _chunkRuns)!;
        IChunkRun[] abandoned;
        lock (runs)
        {
            abandoned = [.. runs];
            runs.Clear();
        }

        foreach (var run in abandoned)
        {
            run.Abandon();
        }
    }
}
