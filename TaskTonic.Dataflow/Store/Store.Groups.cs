namespace TaskTonic.Dataflow;

public sealed partial class Store
{
    // Batch state belongs to the thread holding the lock: a group holds the lock until it is disposed.
    private int _depth;
    private int _silent;
    private string? _source;
    private readonly List<StoreChange> _pending = [];

    /// <summary>
    /// Opens a group: until it is disposed, other threads wait, and this thread's writes are collected and flushed once
    /// when the outermost group closes. <paramref name="sourceId"/> tags the changes (inner groups without one inherit
    /// it); <paramref name="notify"/> false drops the changes of this group and of every group nested in it.
    /// </summary>
    /// <example><code>using (store.Group("ui")) { store.Set("a", 1); store.Set("b", 2); }</code></example>
    public StoreGroup Group(string? sourceId = null, bool notify = true)
    {
        Enter(sourceId, notify, out var previous);
        return new StoreGroup(this, previous, notify);
    }

    /// <summary>A group whose changes are tagged with <paramref name="sourceId"/> (see <see cref="StoreSubscribeOptions.IgnoreSource"/>).</summary>
    public StoreGroup Source(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return Group(sourceId);
    }

    internal void Enter(string? source, bool notify, out string? previousSource)
    {
        _lock.Enter();
        _depth++;
        previousSource = _source;
        if (source is not null)
        {
            _source = source;
        }

        if (!notify)
        {
            _silent++;
        }
    }

    internal void Exit(string? previousSource, bool notify)
    {
        if (!_lock.IsHeldByCurrentThread)
        {
            throw new InvalidOperationException("A store group must be disposed on the thread that opened it (do not await inside a group).");
        }

        var outermost = false;
        try
        {
            if (!notify)
            {
                _silent--;
            }

            _source = previousSource;
            outermost = --_depth == 0;
            if (outermost)
            {
                FlushLocked();
            }
        }
        finally
        {
            _lock.Exit();
        }

        if (outermost && !_lock.IsHeldByCurrentThread)
        {
            Drain();
        }
    }

    /// <summary>Records a change for the next flush (and its translations to active aliases).</summary>
    private void Emit(string path, object? newValue, object? oldValue)
    {
        if (_silent > 0 || _subscriptionCount == 0)
        {
            return;
        }

        _pending.Add(new StoreChange(path, newValue, oldValue, _source));
        if (_activeLinks > 0)
        {
            Bubble(path, newValue, oldValue, 0);
        }
    }
}
