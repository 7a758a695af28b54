using System.Buffers.Binary;
using MessagePack;
using TaskTonic.Dataflow.Extensibility;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Recording;

/// <summary>
/// Records every work order that enters the chosen tonics of a ledger, in the order they run: the sparkle and its
/// arguments (MessagePack), its source, the ledger's time, timer firings, state requests, finishes and the runtime's own
/// work. It writes the versioned format described in FORMAT.md to a stream. It works on real catalysts (thread-safe:
/// arguments are encoded on the catalyst's thread, frames appended under a lock) and under a Distiller (package TaskTonic.Dataflow.Testing)
/// (attach after creating the distiller). Recording never throws into the application: a failing stream stops it and is
/// reported by <see cref="WriteFailure"/>.
/// </summary>
/// <example>
/// <code>
/// var formula = new Formula();
/// formula.AddStartingTonic(() => new Hub());
/// using (Recorder.Attach(formula.Ledger, "run.ttrec"))
/// {
///     await formula.RunAsync();
/// }
/// </code>
/// </example>
public sealed class Recorder : IDisposable
{
    /// <summary>The MessagePack header of a bin 32: its length is patched in once the arguments are encoded.</summary>
    private const byte Bin32 = 0xc6;

    [ThreadStatic]
    private static RecordBuffer? t_payload;

    private readonly Lock _gate = new();
    private readonly Ledger _ledger;
    private readonly Stream _stream;
    private readonly RecordingWriter _writer;
    private readonly RecordingOptions _options;
    private readonly Hook _hook;
    private long _unrecordedArguments;
    private volatile bool _closed;

    private Recorder(Ledger ledger, Stream stream, RecordingOptions options)
    {
        _ledger = ledger;
        _stream = stream;
        _options = options;
        _writer = new RecordingWriter(stream, options.BufferSize);
        StartedAt = ledger.TimeProvider.GetUtcNow();
        _writer.WriteHeader(StartedAt, ledger.Settings.ProjectName);
        _hook = new Hook(this, ledger.Observer);
        ledger.Observer = _hook;
    }

    /// <summary>The ledger's time when recording began (the recording's origin).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The number of work orders recorded so far.</summary>
    public long RecordCount
    {
        get
        {
            lock (_gate)
            {
                return _writer.Records;
            }
        }
    }

    /// <summary>The number of recorded sparkles whose arguments could not be encoded (their text was recorded instead).</summary>
    public long UnrecordedArguments => Interlocked.Read(ref _unrecordedArguments);

    /// <summary>The exception that stopped recording (the stream failed), or null.</summary>
    public Exception? WriteFailure { get; private set; }

    /// <summary>Starts recording the work orders of <paramref name="ledger"/>'s tonics to <paramref name="stream"/>; writes the header now.</summary>
    /// <exception cref="ArgumentException">The stream cannot be written.</exception>
    public static Recorder Attach(Ledger ledger, Stream stream, RecordingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The recording stream must be writable.", nameof(stream));
        }

        return new Recorder(ledger, stream, options ?? new RecordingOptions());
    }

    /// <summary>Starts recording to a new file at <paramref name="path"/> (overwritten if it exists); the recorder closes it.</summary>
    public static Recorder Attach(Ledger ledger, string path, RecordingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        return new Recorder(ledger, file, new RecordingOptions
        {
            Tonics = options?.Tonics,
            Catalysts = options?.Catalysts,
            BufferSize = options?.BufferSize ?? 64 * 1024,
            LeaveOpen = false,
        });
    }

    /// <summary>Stops recording, writes the end marker and flushes; closes the stream unless <see cref="RecordingOptions.LeaveOpen"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            try
            {
                if (WriteFailure is null)
                {
                    _writer.WriteEnd();
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
            {
                WriteFailure = ex;
            }
        }

        if (ReferenceEquals(_ledger.Observer, _hook))
        {
            _ledger.Observer = _hook.Next;
        }

        if (!_options.LeaveOpen)
        {
            _stream.Dispose();
        }
    }

    internal static RecordKind Classify(int sparkle) => sparkle switch
    {
        >= 0 => RecordKind.Sparkle,
        SystemSparkle.RequestState => RecordKind.StateRequest,
        SystemSparkle.TimerFired => RecordKind.Timer,
        SystemSparkle.Finish => RecordKind.Finish,
        SystemSparkle.Start => RecordKind.Start,
        SystemSparkle.UserCallback => RecordKind.Callback,
        _ => RecordKind.Runtime,
    };

    private void Record(Tonic tonic, int sparkle, in WorkOrder order)
    {
        if (_closed || !_options.Selects(tonic))
        {
            return;
        }

        var now = _ledger.TimeProvider.GetUtcNow();
        if (sparkle == SystemSparkle.TimerFired)
        {
            // Whether the timer raises is only sure once the firing ran: it is written when the work order ends. A due
            // timer raises; a handler seen running inside also proves it (the clock may have moved on in between).
            var due = order.Args is TonicTimer { IsRunning: true, IsFinished: false, Expiry: { } expiry } && now >= expiry - RecordingFormat.TimerTolerance;
            PendingTimer.Begin(this, tonic, order, now, due);
            return;
        }

        Write(tonic, sparkle, order, now, 0);
    }

    /// <summary>A sparkle ran inside a work order on this thread: a timer's handler or the hooks it caused mean it raised.</summary>
    private void ObserveNested(Tonic tonic, int sparkle, in WorkOrder order)
    {
        if (sparkle >= 0 && order.SourceSparkle == SystemSparkle.TimerFired && PendingTimer.Find(this) is { } pending
            && ReferenceEquals(pending.Tonic, tonic))
        {
            pending.Raised = true;
        }
    }

    /// <summary>The work order on this thread ended: writes its timer firing, if one is pending.</summary>
    private void EndWorkOrder()
    {
        if (PendingTimer.End(this) is { } pending)
        {
            Write(pending.Tonic, SystemSparkle.TimerFired, pending.Order, pending.Now, pending.Raised ? RecordingFormat.TimerDueFlag : 0);
        }
    }

    private void Write(Tonic tonic, int sparkle, in WorkOrder order, DateTimeOffset now, int flags)
    {
        var payload = t_payload ??= new RecordBuffer(256);
        payload.Truncate(0);
        Encode(payload, tonic, sparkle, order, now, flags);
        lock (_gate)
        {
            if (_closed || WriteFailure is not null)
            {
                return;
            }

            try
            {
                _writer.WriteRecord(payload.Written);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
            {
                WriteFailure = ex;
            }
        }
    }

    /// <remarks>
    /// One pass into one buffer: the arguments are encoded in place behind a bin 32 header whose length is patched
    /// afterwards. When they cannot be encoded, the buffer is rolled back to the header, nil is written instead, their
    /// text follows and the flags byte (a positive fixint, the flags being below 128) gains the flag.
    /// </remarks>
    private void Encode(RecordBuffer payload, Tonic tonic, int sparkle, in WorkOrder order, DateTimeOffset now, int flags)
    {
        var kind = Classify(sparkle);
        string? detail = null;
        if (kind == RecordKind.Timer && order.Args is TonicTimer timer)
        {
            detail = timer.Name;
        }
        else if (kind == RecordKind.StateRequest && Tonic.TryReadStateRequest(order.Args, out var state, out var force))
        {
            detail = tonic.Descriptor.StateName(state);
            flags |= force ? RecordingFormat.ForceFlag : 0;
        }

        var writer = new MessagePackWriter(payload);
        writer.WriteArrayHeader(RecordingFormat.RecordFields);
        writer.Write((int)kind);
        writer.Write(now.UtcTicks);
        writer.WriteRaw(RecordIdentity.Of(tonic, sparkle, order.Source, order.SourceSparkle));
        writer.Write(detail);
        writer.Flush();
        var flagsAt = payload.Count;
        writer.Write(flags);
        string? argumentsText = null;
        if (kind == RecordKind.Sparkle)
        {
            writer.Flush();
            var binAt = payload.Count;
            writer.WriteRaw([Bin32, 0, 0, 0, 0]);
            try
            {
                ArgumentCodec.Encode(ref writer, order.Args, tonic.Descriptor.Sparkles[sparkle].ParameterTypes);
                writer.Flush();
                BinaryPrimitives.WriteInt32BigEndian(payload.Written[(binAt + 1)..], payload.Count - binAt - 5);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref _unrecordedArguments);
                argumentsText = order.Args?.ToString() ?? "null";
                payload.Truncate(binAt);
                payload.Written[flagsAt] |= (byte)RecordingFormat.ArgumentsNotRecordedFlag;
                writer = new MessagePackWriter(payload);
                writer.WriteNil();
            }
        }
        else
        {
            writer.WriteNil();
        }

        writer.Write(argumentsText);
        writer.Flush();
    }

    /// <summary>
    /// The ledger observer: records the outermost sparkle of each work order on a thread (hooks and timer sparkles run
    /// nested in it, or right after it for deferred transitions, as another sparkle id), then hands on to the previous observer. Recorders chained on one ledger share the depth count.
    /// </summary>
    private sealed class Hook(Recorder owner, SparkleObserver? next) : SparkleObserver
    {
        [ThreadStatic]
        private static int t_depth;

        public SparkleObserver? Next => next;

        protected internal override void OnSparkleEntering(Tonic tonic, int sparkle, in WorkOrderInfo workOrder) =>
            Enter(t_depth++ == 0 && workOrder.IsOwnSparkle(tonic, sparkle), tonic, sparkle, workOrder);

        protected internal override void OnSparkleExited(Tonic tonic, int sparkle, Exception? failure)
        {
            if (t_depth > 0)
            {
                t_depth--;
            }

            Exit(t_depth == 0, tonic, sparkle, failure);
        }

        protected internal override void OnStateChanged(Tonic tonic, int oldState, int newState) => next?.OnStateChanged(tonic, oldState, newState);

        private void Enter(bool workOrder, Tonic tonic, int sparkle, in WorkOrderInfo info)
        {
            var order = info.Order;
            try
            {
                if (workOrder)
                {
                    owner.Record(tonic, sparkle, order);
                }
                else
                {
                    owner.ObserveNested(tonic, sparkle, order);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                owner.WriteFailure ??= ex;
            }

            if (next is Hook hook)
            {
                hook.Enter(workOrder, tonic, sparkle, info);
            }
            else
            {
                next?.OnSparkleEntering(tonic, sparkle, info);
            }
        }

        private void Exit(bool workOrderDone, Tonic tonic, int sparkle, Exception? failure)
        {
            if (workOrderDone)
            {
                try
                {
                    owner.EndWorkOrder();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    owner.WriteFailure ??= ex;
                }
            }

            if (next is Hook hook)
            {
                hook.Exit(workOrderDone, tonic, sparkle, failure);
            }
            else
            {
                next?.OnSparkleExited(tonic, sparkle, failure);
            }
        }
    }
}
