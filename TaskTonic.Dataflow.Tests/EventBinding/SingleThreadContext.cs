using System.Collections.Concurrent;

namespace TaskTonic.Dataflow.Tests.EventBinding;

/// <summary>A UI-like synchronization context: one thread runs everything posted to it, in order (shared by the event-binding and catalyst tests).</summary>
internal sealed class SingleThreadContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback, object?)> _queue = [];

    public SingleThreadContext()
    {
        Thread = new Thread(() =>
        {
            SetSynchronizationContext(this);
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }) { IsBackground = true };
        Thread.Start();
    }

    public Thread Thread { get; }

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    /// <summary>Reads a value on the context's thread (where the tonic's state lives).</summary>
    public T Run<T>(Func<T> read)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(_ => result.SetResult(read()), null);
        return result.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
    }

    public void Dispose() => _queue.CompleteAdding();
}
