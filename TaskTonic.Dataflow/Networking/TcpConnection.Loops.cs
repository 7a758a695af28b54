using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Networking;

/// <summary>The socket loops (off every catalyst) and the idle watchdog of a connection.</summary>
public sealed partial class TcpConnection
{
    // Each loop must report its end whatever happens, or the connection waits in `closing` for ever. That includes
    // failures before the first await: a loop may start after the other one already shut down or disposed the socket,
    // and then even creating the NetworkStream throws. So the streams are created inside the guarded part.
#pragma warning disable CA1031 // The loops report every failure to the connection as a close reason.
    private async Task ReadLoopAsync()
    {
        TcpCloseReason reason;
        try
        {
            reason = await ReadStreamAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            reason = TcpCloseReason.ClosedLocally;
        }
        catch (Exception)
        {
            // Whatever ended the loop (reset, disposal under it), the connection must learn that reading stopped.
            reason = TcpCloseReason.SocketError;
        }

        if (!IsFinishing)
        {
            ReaderEnded(reason);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await WriteStreamAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Closed under the loop (an abort or a reset): the reader reports the reason.
        }

        _acceptingSends = false;
        if (!IsFinishing)
        {
            WriterEnded();
        }
    }
#pragma warning restore CA1031

    private async Task<TcpCloseReason> ReadStreamAsync()
    {
        var stream = new NetworkStream(_socket, ownsSocket: false);
        await using (stream.ConfigureAwait(false))
        {
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            try
            {
                return await ReadFramesAsync(reader, _stop.Token).ConfigureAwait(false);
            }
            finally
            {
                await reader.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<TcpCloseReason> ReadFramesAsync(PipeReader reader, CancellationToken cancellation)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellation).ConfigureAwait(false);
            var buffer = result.Buffer;
            while (true)
            {
                var status = FrameDecoder.TryDecode(_options.Framing, _options.MaxFrameSize, ref buffer, out var frame, out var error);
                if (status == DecodeStatus.Invalid)
                {
                    return error;
                }

                if (status == DecodeStatus.NeedMore)
                {
                    break;
                }

                await _credits.TakeAsync(cancellation).ConfigureAwait(false);
                Touch();
                Received(frame!);
            }

            if (result.IsCompleted)
            {
                return buffer.IsEmpty ? TcpCloseReason.PeerClosed : TcpCloseReason.TruncatedFrame;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async Task WriteStreamAsync()
    {
        var stream = new NetworkStream(_socket, ownsSocket: false);
        await using (stream.ConfigureAwait(false))
        {
            var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
            Exception? aborted = null;
            try
            {
                await WriteFramesAsync(writer).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                aborted = ex;
            }
            finally
            {
                // With an exception the writer drops what is still buffered instead of writing it to a dead socket
                // (a flush there would throw out of this finally, or block on a peer that no longer reads).
                await writer.CompleteAsync(aborted).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteFramesAsync(PipeWriter writer)
    {
        var outgoing = _outgoing.Reader;
        while (await outgoing.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
        {
            var count = 0;
            while (outgoing.TryRead(out var wire))
            {
                writer.Write(wire);
                count++;
            }

            var flushed = await writer.FlushAsync(_stop.Token).ConfigureAwait(false);
            Touch();
            Interlocked.Add(ref _framesSent, count);
            if (flushed.IsCompleted)
            {
                return;
            }
        }
    }

    private void Touch() => Volatile.Write(ref _lastActivityTicks, Ledger.TimeProvider.GetUtcNow().UtcTicks);

    private void ArmIdleTimer(TimeSpan delay) => _ = new SingleShotTimer(delay, sparkleBack: OnIdleCheck, owner: this);

    private void OnIdleCheck(TimerInfo info)
    {
        if (State != States.Connected || _options.IdleTimeout is not { } timeout)
        {
            return;
        }

        var idle = TimeSpan.FromTicks(Ledger.TimeProvider.GetUtcNow().UtcTicks - Volatile.Read(ref _lastActivityTicks));
        if (idle >= timeout)
        {
            BeginClose(TcpCloseReason.IdleTimeout, graceful: true);
        }
        else
        {
            ArmIdleTimer(timeout - idle);
        }
    }
}
