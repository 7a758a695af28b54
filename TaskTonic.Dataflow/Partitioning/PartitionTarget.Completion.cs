using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Partitioning;

/// <content>Completion: declining, faulting, the partition finishing first, and giving postponed messages back.</content>
public sealed partial class PartitionTarget<TKey, T, TItem>
{
    private void Decline(Exception? fault)
    {
        List<(ISourceBlock<TItem> Source, DataflowMessageHeader Header)>? release = null;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _fault ??= fault;
            _declining = true;
            release = _postponed.TakeAll();
        }

        Release(release);
        TryComplete();
    }

    private void TryComplete()
    {
        Exception? fault;
        lock (_gate)
        {
            if (_completed || !_declining || _accepted > 0 || _consuming > 0)
            {
                return;
            }

            _completed = true;
            fault = _fault;
        }

        if (fault is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(fault);
        }
    }

    private void OnPartitionCompleted()
    {
        List<(ISourceBlock<TItem> Source, DataflowMessageHeader Header)> release;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = _declining = true;
            release = _postponed.TakeAll();
        }

        Release(release);
        if (_fault is { } fault)
        {
            _completion.TrySetException(fault);
        }
        else
        {
            _completion.TrySetCanceled();
        }
    }

    private void Release(List<(ISourceBlock<TItem> Source, DataflowMessageHeader Header)>? postponed)
    {
        foreach (var (source, header) in postponed ?? [])
        {
            try
            {
                if (source.ReserveMessage(header, this))
                {
                    source.ReleaseReservation(header, this);
                }
            }
            catch (InvalidOperationException)
            {
                // The source completed or no longer holds the message.
            }
        }
    }
}
