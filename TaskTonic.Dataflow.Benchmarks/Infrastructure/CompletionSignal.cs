namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>
/// The one completion signal every implementation uses: a <see cref="TaskCompletionSource{TResult}"/>
/// (continuations run asynchronously) that the receiving actor sets when the last message of a run arrives.
/// </summary>
/// <remarks>
/// The benchmark thread calls <see cref="Reset"/> before it sends the first message of a run and
/// <see cref="Wait"/> after. Actors call <see cref="Signal"/>; with more than one party (several pairs,
/// many spawned actors) the last call completes the run. The value passed by the last party is the run's
/// result, which the scenario checks (SkyNet's sum, the number of transitions).
/// </remarks>
public sealed class CompletionSignal
{
    /// <summary>A run that takes longer than this fails instead of hanging the suite.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    private TaskCompletionSource<long> _completion = NewSource();
    private int _remaining;

    /// <summary>Arms the signal for a new run that completes after <paramref name="parties"/> calls to <see cref="Signal"/>.</summary>
    public void Reset(int parties = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        Volatile.Write(ref _completion, NewSource());
        Volatile.Write(ref _remaining, parties);
    }

    /// <summary>Called by an actor when its part of the run is done; the last party completes the run with <paramref name="value"/>.</summary>
    public void Signal(long value = 0)
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Volatile.Read(ref _completion).TrySetResult(value);
        }
    }

    /// <summary>Fails the run, for an actor that detects a wrong result.</summary>
    public void Fail(Exception error) => Volatile.Read(ref _completion).TrySetException(error);

    /// <summary>Blocks until the run completes and returns its value; throws after <see cref="Watchdog"/>.</summary>
    public long Wait()
    {
        var task = Volatile.Read(ref _completion).Task;
        if (!task.Wait(Watchdog))
        {
            throw new TimeoutException($"The run did not complete within {Watchdog.TotalSeconds:0} s (remaining parties: {Volatile.Read(ref _remaining)}).");
        }

        return task.GetAwaiter().GetResult();
    }

    private static TaskCompletionSource<long> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
