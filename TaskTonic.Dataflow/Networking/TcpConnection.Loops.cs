using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Networking;

/// <summary>The socket loops (off every catalyst) and the idle watchdog of a connection.</summary>
public sealed partial class TcpConnection
{
#pragma warning disable CA1031 // The loop reports every failure to the connection as a close reason.
    private async Task ReadLoopAsync()
    {
        var reason = TcpCloseReason.PeerClosed;
        var stream = new NetworkStream(_socket, ownsSocket: false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            reason = await ReadFramesAsync(reader, _stop.Token).ConfigureAwait(false);
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
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        if (!IsFinishing)
        {
            ReaderEnded(reason);
        }
    }

#pragma warning restore CA1031

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

    private async Task WriteLoopAsync()
    {
        var stream = new NetworkStream(_socket, ownsSocket: false);
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        var outgoing = _outgoing.Reader;
        try
        {
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
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Closed under the loop (an abort or a reset): the reader reports the reason.
        }
        finally
        {
            _acceptingSends = false;
            await writer.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        if (!IsFinishing)
        {
            WriterEnded();
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
