namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// One request of a grain turn to its key's tonic: an optional user step (a message handler or a restore, given its
/// payload), run as a sparkle of the tonic, then a system step queued by it (acknowledgement, snapshot, finish), which
/// therefore runs after the sparkles the user step queued on the tonic. Completes once the system step ran, or with
/// the failure.
/// </summary>
internal sealed class TonicStep<T>
    where T : Tonic
{
    private readonly T _tonic;
    private readonly Action<T, ReadOnlyMemory<byte>>? _user;
    private readonly ReadOnlyMemory<byte> _payload;
    private readonly Func<T, byte[]?> _system;
    private TaskCompletionSource<byte[]?>? _waiter;
    private Exception? _failure;
    private byte[]? _result;
    private volatile bool _done;

    /// <param name="tonic">The key's tonic.</param>
    /// <param name="user">The user step, or null.</param>
    /// <param name="payload">What the user step is given.</param>
    /// <param name="system">The system step.</param>
    public TonicStep(T tonic, Action<T, ReadOnlyMemory<byte>>? user, ReadOnlyMemory<byte> payload, Func<T, byte[]?> system) =>
        (_tonic, _user, _payload, _system) = (tonic, user, payload, system);

    /// <summary>True once the step completed (its system step ran, or the user step failed).</summary>
    public bool IsDone => _done;

    /// <summary>Queues the step on the tonic; with <paramref name="awaited"/>, <see cref="Completion"/> can be awaited.</summary>
    public void Post(bool awaited)
    {
        if (awaited)
        {
            _waiter = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (_user is null)
        {
            _tonic.PostCallback(RunSystem);
        }
        else
        {
            _tonic.PostUserCallback(RunUser);
        }
    }

    /// <summary>For a step posted with <c>awaited</c>: completes with the system step's result or faults with the failure.</summary>
    public Task<byte[]?> Completion => _waiter?.Task ?? throw new InvalidOperationException("The step was not posted to be awaited.");

    /// <summary>For a step that ran on the caller's turn: its result, or the exception to throw.</summary>
    public byte[]? Result(string label) => !_done
        ? throw Dropped(label)
        : _failure is null ? _result : throw Wrap(_failure, label);

    /// <summary>The failure of a step whose work order the finishing tonic dropped.</summary>
    public static KeyedTonicException Dropped(string label) =>
        new($"The tonic of {label} is finishing; the command was dropped (see the silo's dead letters).");

    public static KeyedTonicException Wrap(Exception failure, string label) => failure as KeyedTonicException
        ?? new KeyedTonicException($"The tonic of {label} failed: {failure.GetType().Name}: {failure.Message}");

    private void RunUser()
    {
        try
        {
            _user!(_tonic, _payload);
        }
#pragma warning disable CA1031 // any failure of user code goes back to the caller, who decides (retry or report)
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Complete(null, ex);
            return;
        }

        _tonic.PostCallback(RunSystem);
    }

    private void RunSystem(Tonic tonic)
    {
        try
        {
            Complete(_system((T)tonic), null);
        }
#pragma warning disable CA1031 // as above: a failing persist hook goes back to the caller
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Complete(null, ex);
        }
    }

    private void Complete(byte[]? result, Exception? failure)
    {
        (_result, _failure) = (result, failure);
        _done = true;
        if (_waiter is { } waiter)
        {
            _ = failure is null ? waiter.TrySetResult(result) : waiter.TrySetException(failure);
        }
    }
}
