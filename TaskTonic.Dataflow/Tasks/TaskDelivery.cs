namespace TaskTonic.Dataflow.Tasks;

/// <summary>
/// Delivers the outcome of a <see cref="Task"/> as a sparkle of a tonic: start I/O in a sparkle, return at once, and
/// handle the result, the failure or the cancellation in a later sparkle on the tonic's catalyst. Handlers never block
/// or await, and nothing holds the catalyst while the task runs.
/// </summary>
/// <remarks>
/// <para>
/// The delivery is queued to the tonic's mailbox when the task completes (at once when it already has), and runs like
/// any sparkle: atomic, in order with the tonic's other work, a throwing handler reported through
/// <see cref="Ledger.DeadLetters"/>. A task that completes after the tonic began finishing is not delivered: the
/// delivery is dropped and counted as a dead letter (<see cref="Ledger.DeadLetters"/>), and
/// nothing is thrown on the thread that completed the task. The task's exception is always observed.
/// </para>
/// <para>
/// Failures are unwrapped: a task that failed with one exception delivers that exception, not an
/// <see cref="AggregateException"/>. A canceled task (<see cref="Task.IsCanceled"/>) delivers an
/// <see cref="OperationCanceledException"/> to <c>onCanceled</c> when given, else to <c>onFailed</c>.
/// </para>
/// <para>In Distiller traces, a delivery shows as a <c>tts__callback</c> sparkle of the tonic.</para>
/// </remarks>
public static class TaskDelivery
{
    /// <summary>Runs <paramref name="onCompleted"/>, <paramref name="onFailed"/> or <paramref name="onCanceled"/> as a sparkle of <paramref name="tonic"/> once <paramref name="task"/> completes.</summary>
    /// <param name="task">The task to watch.</param>
    /// <param name="tonic">The tonic whose catalyst runs the handler.</param>
    /// <param name="onCompleted">Runs when the task ran to completion.</param>
    /// <param name="onFailed">Runs with the task's exception (and with the cancellation when <paramref name="onCanceled"/> is null).</param>
    /// <param name="onCanceled">Runs when the task was canceled; null sends cancellations to <paramref name="onFailed"/>.</param>
    public static void DeliverTo(this Task task, Tonic tonic, Action onCompleted, Action<Exception> onFailed,
        Action<OperationCanceledException>? onCanceled = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onCompleted);
        var delivery = new Delivery(tonic, onFailed, onCanceled);
        if (task.IsCompleted)
        {
            delivery.Deliver(task, onCompleted);
            return;
        }

        _ = task.ContinueWith(static (t, state) =>
            {
                var (delivery, onCompleted) = ((Delivery, Action))state!;
                delivery.Deliver(t, onCompleted);
            }, (delivery, onCompleted), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Runs <paramref name="onResult"/>, <paramref name="onFailed"/> or <paramref name="onCanceled"/> as a sparkle of <paramref name="tonic"/> once <paramref name="task"/> completes.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task to watch.</param>
    /// <param name="tonic">The tonic whose catalyst runs the handler.</param>
    /// <param name="onResult">Runs with the task's result.</param>
    /// <param name="onFailed">Runs with the task's exception (and with the cancellation when <paramref name="onCanceled"/> is null).</param>
    /// <param name="onCanceled">Runs when the task was canceled; null sends cancellations to <paramref name="onFailed"/>.</param>
    public static void DeliverTo<T>(this Task<T> task, Tonic tonic, Action<T> onResult, Action<Exception> onFailed,
        Action<OperationCanceledException>? onCanceled = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onResult);
        var delivery = new Delivery(tonic, onFailed, onCanceled);
        if (task.IsCompleted)
        {
            delivery.Deliver(task, onResult);
            return;
        }

        _ = task.ContinueWith(static (t, state) =>
            {
                var (delivery, onResult) = ((Delivery, Action<T>))state!;
                delivery.Deliver(t, onResult);
            }, (delivery, onResult), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The tonic and the failure paths of one delivery.</summary>
    private sealed class Delivery
    {
        private readonly Tonic _tonic;
        private readonly Action<Exception> _onFailed;
        private readonly Action<OperationCanceledException>? _onCanceled;

        public Delivery(Tonic tonic, Action<Exception> onFailed, Action<OperationCanceledException>? onCanceled)
        {
            ArgumentNullException.ThrowIfNull(tonic);
            ArgumentNullException.ThrowIfNull(onFailed);
            _tonic = tonic;
            _onFailed = onFailed;
            _onCanceled = onCanceled;
        }

        public void Deliver(Task task, Action onCompleted)
        {
            if (task.IsCompletedSuccessfully)
            {
                _tonic.PostUserCallback(onCompleted);
            }
            else
            {
                DeliverFailure(task);
            }
        }

        public void Deliver<T>(Task<T> task, Action<T> onResult)
        {
            if (task.IsCompletedSuccessfully)
            {
                var result = task.Result;
                _tonic.PostUserCallback(() => onResult(result));
            }
            else
            {
                DeliverFailure(task);
            }
        }

        private void DeliverFailure(Task task)
        {
            if (task.IsCanceled)
            {
                var canceled = new TaskCanceledException(task);
                var onCanceled = _onCanceled;
                var onFailed = _onFailed;
                _tonic.PostUserCallback(onCanceled is null ? () => onFailed(canceled) : () => onCanceled(canceled));
                return;
            }

            // Reading Exception marks it observed, so a dropped delivery never surfaces as an unobserved task exception.
            var aggregate = task.Exception!;
            Exception failure = aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate;
            var failed = _onFailed;
            _tonic.PostUserCallback(() => failed(failure));
        }
    }
}
