using System.Threading.Tasks.Dataflow;

namespace TaskTonic.Dataflow.Interop;

/// <summary>
/// The counting and completion shared by the Dataflow targets that queue items to tonics (<see cref="TonicTargetBlock{T}"/>,
/// <see cref="Partitioning.PartitionTarget{TKey, T, TItem}"/>): accepted and in-consumption items, postponed offers,
/// declining, the fault, and the completion task. The owner locks <see cref="Gate"/> around every field access; the
/// methods here take the gate themselves and call sources outside it.
/// </summary>
internal sealed class TargetBookkeeping<T>
{
    private readonly ITargetBlock<T> _target;
    private readonly Action<Exception?>? _beforeCompletion;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _fault;

    /// <param name="target">The owning block, the target named to sources when postponed messages are given back.</param>
    /// <param name="beforeCompletion">Runs once, outside the gate, right before a normal or faulted completion.</param>
    public TargetBookkeeping(ITargetBlock<T> target, Action<Exception?>? beforeCompletion = null) =>
        (_target, _beforeCompletion) = (target, beforeCompletion);

    public Lock Gate { get; } = new();

    public PostponedMessages<T> Postponed { get; } = new();

    /// <summary>Items accepted and not yet processed.</summary>
    public int Accepted { get; set; }

    /// <summary>Postponed messages being consumed outside the gate.</summary>
    public int Consuming { get; set; }

    public bool Declining { get; set; }

    public bool Completed { get; private set; }

    /// <summary>The first fault; read without the gate by item processing, hence volatile.</summary>
    public Exception? Fault
    {
        get => Volatile.Read(ref _fault);
        set => Volatile.Write(ref _fault, value);
    }

    public Task Completion => _completion.Task;

    /// <summary>Declines further items (faulting with <paramref name="fault"/> when given), gives postponed offers back, and completes when idle.</summary>
    public void Decline(Exception? fault)
    {
        List<(ISourceBlock<T> Source, DataflowMessageHeader Header)> release;
        lock (Gate)
        {
            if (Completed)
            {
                return;
            }

            Fault ??= fault;
            Declining = true;
            release = Postponed.TakeAll();
        }

        Release(release);
        TryComplete();
    }

    /// <summary>Completes once declining with nothing accepted or being consumed.</summary>
    public void TryComplete()
    {
        Exception? fault;
        lock (Gate)
        {
            if (Completed || !Declining || Accepted > 0 || Consuming > 0)
            {
                return;
            }

            Completed = true;
            fault = Fault;
        }

        _beforeCompletion?.Invoke(fault);
        if (fault is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(fault);
        }
    }

    /// <summary>The tonics behind the target completed first: what they did not process is gone; canceled unless faulted.</summary>
    public void OwnerCompleted()
    {
        List<(ISourceBlock<T> Source, DataflowMessageHeader Header)> release;
        Exception? fault;
        lock (Gate)
        {
            if (Completed)
            {
                return;
            }

            Completed = Declining = true;
            fault = Fault;
            release = Postponed.TakeAll();
        }

        Release(release);
        if (fault is null)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetException(fault);
        }
    }

    /// <summary>Gives postponed messages back to their sources (reserve, then release), as Dataflow targets do when they complete.</summary>
    private void Release(List<(ISourceBlock<T> Source, DataflowMessageHeader Header)>? postponed)
    {
        foreach (var (source, header) in postponed ?? [])
        {
            try
            {
                if (source.ReserveMessage(header, _target))
                {
                    source.ReleaseReservation(header, _target);
                }
            }
            catch (InvalidOperationException)
            {
                // The source completed or no longer holds the message: nothing to give back.
            }
        }
    }
}
