using System.Collections.Concurrent;

namespace TaskTonic.Dataflow.Samples.ResponsiveUi;

/// <summary>A stand-in for a UI thread: one thread running posted callbacks in order, like a GUI message loop.</summary>
internal sealed class ConsoleUiContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
    private readonly Thread _thread;

    public ConsoleUiContext()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "ui" };
        _thread.Start();
    }

    public int ThreadId => _thread.ManagedThreadId;

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public void Dispose() => _queue.CompleteAdding();

    private void Loop()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
        {
            callback(state);
        }
    }
}
