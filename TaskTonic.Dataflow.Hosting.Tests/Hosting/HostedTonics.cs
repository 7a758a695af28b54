using System.Collections.Concurrent;

namespace TaskTonic.Dataflow.Hosting.Tests.Hosting;

/// <summary>A dependency the tonics take from the service provider.</summary>
public sealed class WorkLog
{
    public ConcurrentQueue<int> Done { get; } = new();

    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A starting tonic built by DI: it records into <see cref="WorkLog"/>; item 0 blocks on the log's gate.</summary>
public sealed partial class Worker(WorkLog log, Ledger ledger) : Tonic("worker")
{
    public Ledger InjectedLedger => ledger;

    private void ttse__on_start() => log.Started.TrySetResult();

    private void ttsc__work(int n)
    {
        if (n == 0)
        {
            log.Blocked.TrySetResult();
            log.Gate.Wait(TimeSpan.FromMinutes(1));
        }

        log.Done.Enqueue(n);
    }

    private void ttsc__fail(string why) => throw new InvalidOperationException(why);
}

/// <summary>A starting tonic that finishes at once, so the formula ends by itself.</summary>
public sealed partial class Quitter : Tonic
{
    private void ttse__on_start() => Finish();
}
