namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// The count of a bounded mailbox: a slot is taken per posted sparkle and given back when it runs (or is dropped there).
/// Waiters are served first come, first served, and a freed slot passes straight to the first, so order is kept.
/// </summary>
internal sealed class MailboxBound(BoundedMailbox settings)
{
    private static readonly Task<bool> s_taken = Task.FromResult(true);
    private static readonly Task<bool> s_closed = Task.FromResult(false);

    [ThreadStatic]
    private static MailboxBound? t_reserved;

    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new();
    private int _used;
    private bool _closed;

    public BoundedMailbox Settings => settings;

    /// <summary>Takes a slot if one is free and nobody waits (or the calling thread holds a reservation for this bound).</summary>
    public bool TryTake()
    {
        if (ReferenceEquals(t_reserved, this))
        {
            t_reserved = null;
            return true;
        }

        lock (_gate)
        {
            if (_used < settings.Capacity && _waiters.Count == 0)
            {
                _used++;
                return true;
            }

            return false;
        }
    }

    /// <summary>Takes a slot beyond the capacity (a sparkle's post under <see cref="MailboxFullMode.Wait"/>).</summary>
    public void TakeOver()
    {
        lock (_gate)
        {
            _used++;
        }
    }

    /// <summary>Completes with true once a slot is taken, false when the tonic completed first.</summary>
    public Task<bool> TakeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return s_closed;
            }

            if (_used < settings.Capacity && _waiters.Count == 0)
            {
                _used++;
                return s_taken;
            }

            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var node = _waiters.AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                cancellationToken.Register(() => Cancel(node, cancellationToken));
            }

            return waiter.Task;
        }
    }

    /// <summary>Gives a slot back; the first waiter takes it over.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (_waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                first.Value.TrySetResult(true);
                return;
            }

            if (_used > 0)
            {
                _used--;
            }
        }
    }

    /// <summary>The tonic completed: waiters are released with false (their posts are then dropped as finishing work).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var waiter in _waiters)
            {
                waiter.TrySetResult(false);
            }

            _waiters.Clear();
        }
    }

    /// <summary>Lets the next post to this tonic on this thread use the slot just taken.</summary>
    public void Reserve() => t_reserved = this;

    /// <summary>Gives the reserved slot back if no post used it.</summary>
    public void Unreserve()
    {
        if (ReferenceEquals(t_reserved, this))
        {
            t_reserved = null;
            Release();
        }
    }

    private void Cancel(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is not null && node.Value.TrySetCanceled(cancellationToken))
            {
                _waiters.Remove(node);
            }
        }
    }
}
