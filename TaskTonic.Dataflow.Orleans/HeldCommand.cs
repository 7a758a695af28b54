using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Telemetry;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The fast path of a command, reused by every turn of one activation: run on the turn that holds the key's loop, it
/// runs the handler as a user sparkle of the tonic (at once when nothing is queued, else behind what is) and then the
/// catalyst's work orders until the handler ran and so did every work order queued by then (what the handler queued on
/// its own tonic). No acknowledgement work order and
/// nothing allocated per command; the grain is not reentrant, so one turn at a time uses it.
/// </summary>
internal sealed class HeldCommand<T>
    where T : Tonic
{
    private readonly T _tonic;
    private readonly HeldCatalystLoop _loop;
    private readonly Action _run;
    private Action<T, ReadOnlyMemory<byte>>? _handler;
    private ReadOnlyMemory<byte> _payload;
    private Exception? _failure;
    private long _mark;
    private bool _ran;

    public HeldCommand(T tonic, HeldCatalystLoop loop)
    {
        (_tonic, _loop) = (tonic, loop);
        _run = Run;
    }

    /// <summary>On a turn that took the loop (<see cref="HeldCatalystLoop.TryHold"/>): runs the command, releases the loop, and returns the outcome.</summary>
    public ValueTask<byte[]?> RunAndRelease(Action<T, ReadOnlyMemory<byte>> handler, ReadOnlyMemory<byte> payload, string label)
    {
        (_handler, _payload, _failure, _mark, _ran) = (handler, payload, null, long.MaxValue, false);
        try
        {
            // idle loop: the handler's sparkle runs at once (what the queue would run next); else it queues as usual
            var context = Ambient.Current;
            if (TonicTelemetry.Observed
                || !_loop.TryRunNow(new WorkOrder(_tonic, SystemSparkle.UserCallback, _run, context.Tonic, context.Sparkle)))
            {
                _tonic.PostUserCallback(_run);
            }

            while (_loop.RunCount < _mark && _loop.TryRunOne())
            {
            }
        }
        finally
        {
            _loop.Release();
            (_handler, _payload) = (null, default);
        }

        var failure = _failure;
        _failure = null;
        return !_ran
            ? ValueTask.FromException<byte[]?>(TonicStep<T>.Dropped(label))
            : failure is null ? default : ValueTask.FromException<byte[]?>(TonicStep<T>.Wrap(failure, label));
    }

    private void Run()
    {
        _ran = true;
        try
        {
            _handler!(_tonic, _payload);
            _mark = _loop.PostedCount;
        }
#pragma warning disable CA1031 // any failure of user code goes back to the caller, who decides (retry or report)
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // what the handler queued before it threw runs later, on the loop's pool drain
            (_failure, _mark) = (ex, 0);
        }
    }
}
