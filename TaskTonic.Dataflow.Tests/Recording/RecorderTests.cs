using TaskTonic.Dataflow.Recording;

namespace TaskTonic.Dataflow.Tests.Recording;

public sealed partial class RecorderTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    private sealed partial class Sink : Tonic
    {
        public Sink()
            : base("sink")
        {
        }

        public int Count { get; private set; }

        private void ttsc__put(int producer, int sequence) => Count++;
    }

    private static (Formula Formula, Sink Sink, Task Run) Start()
    {
        var formula = new Formula();
        Sink? sink = null;
        formula.AddStartingTonic(() => sink = new Sink());
        var run = formula.RunAsync();
        return (formula, sink!, run);
    }

    [Fact]
    public async Task Producers_on_several_threads_are_all_recorded_in_each_producers_order()
    {
        const int perProducer = 5_000;
        using var stream = new MemoryStream();
        var (formula, sink, run) = Start();
        using (var recorder = Recorder.Attach(formula.Ledger, stream, new RecordingOptions { LeaveOpen = true, BufferSize = 512 }))
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(p => Task.Run(() =>
            {
                for (var i = 0; i < perProducer; i++)
                {
                    sink.Put(p, i);
                }
            })));
            sink.Finish();
            await run.WaitAsync(s_safety);
            Assert.Null(recorder.WriteFailure);
        }

        stream.Position = 0;
        var puts = SparkleRecording.Read(stream).Records.Where(r => r.Sparkle == "ttsc__put").ToList();
        Assert.Equal(3 * perProducer, puts.Count);
        Assert.Equal(3 * perProducer, sink.Count);
        var decoded = puts.Select(r => ((int Producer, int Sequence))ArgumentCodec.Decode(r.Arguments!.Value, [typeof(int), typeof(int)], _ => null)!).ToList();
        for (var p = 0; p < 3; p++)
        {
            Assert.Equal(Enumerable.Range(0, perProducer), decoded.Where(d => d.Producer == p).Select(d => d.Sequence));
        }
    }

    [Fact]
    public async Task A_failing_stream_stops_the_recording_but_never_the_application()
    {
        var (formula, sink, run) = Start();
        var recorder = Recorder.Attach(formula.Ledger, new BrokenStream(), new RecordingOptions { BufferSize = 512 });
        for (var i = 0; i < 1_000; i++)
        {
            sink.Put(0, i);
        }

        sink.Finish();
        await run.WaitAsync(s_safety);
        recorder.Dispose();

        Assert.Equal(1_000, sink.Count);
        Assert.IsType<IOException>(recorder.WriteFailure);
        Assert.Equal(0, formula.Ledger.FailureCount);
    }

    [Fact]
    public void Disposing_detaches_the_recorder_and_is_idempotent()
    {
        var formula = new Formula();
        using var stream = new MemoryStream();
        var recorder = Recorder.Attach(formula.Ledger, stream, new RecordingOptions { LeaveOpen = true });

        recorder.Dispose();
        recorder.Dispose();

        Assert.Null(formula.Ledger.Observer);
        stream.Position = 0;
        Assert.Empty(SparkleRecording.Read(stream).Records);
    }

    /// <summary>Accepts the header, then fails every write, like a full disk.</summary>
    private sealed class BrokenStream : MemoryStream
    {
        private int _writes;

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (++_writes > 1)
            {
                throw new IOException("disk full");
            }

            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (++_writes > 1)
            {
                throw new IOException("disk full");
            }

            base.Write(buffer);
        }
    }
}
