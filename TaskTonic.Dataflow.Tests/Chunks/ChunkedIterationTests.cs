using System.Runtime.CompilerServices;
using TaskTonic.Dataflow.Chunks;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Chunks;

public sealed partial class ChunkedIterationTests
{
    private const int Million = 1_000_000;
    private const int ChunkSize = 5_000;
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    /// <summary>The seed's BigDataProcessor: sums its items in chunks, stops on a command.</summary>
    private sealed partial class Processor : Tonic
    {
        private readonly IEnumerable<int> _items;
        private readonly ChunkOptions _options;

        public Processor(IEnumerable<int> items, ChunkOptions options)
        {
            _items = items;
            _options = options;
        }

        public ChunkedIteration<int>? Job { get; private set; }

        public ChunkResult? Result { get; private set; }

        public long Sum { get; private set; }

        public Action<int>? OnItem { get; init; }

        private void ttse__on_start() => Job = ChunkedIteration.Start(_items, Add, _options, r => Result = r);

        public long? ProcessedAtStop { get; private set; }

        private void ttsc__stop()
        {
            ProcessedAtStop = Job!.ProcessedCount;
            Job.Cancel();
        }

        private void Add(int item)
        {
            OnItem?.Invoke(item);
            Sum += item;
        }
    }

    /// <summary>Another tonic on the same catalyst: ticks by re-posting itself and stops the processor at tick <c>k</c>.</summary>
    private sealed partial class Canceller : Tonic
    {
        private readonly Processor _target;
        private readonly int _stopAt;

        public Canceller(Processor target, int stopAt)
        {
            _target = target;
            _stopAt = stopAt;
        }

        public int Ticks { get; private set; }

        private void ttse__on_start() => Tick();

        private void ttsc__tick()
        {
            Ticks++;
            if (Ticks == _stopAt)
            {
                _target.Stop();
                return;
            }

            Tick();
        }
    }

    /// <summary>Iterates an async sequence in chunks.</summary>
    private sealed partial class AsyncProcessor : Tonic
    {
        private readonly IAsyncEnumerable<int> _items;

        public AsyncProcessor(IAsyncEnumerable<int> items) => _items = items;

        public List<int> Seen { get; } = [];

        public List<string> Events { get; } = [];

        public ChunkedIteration<int>? Job { get; private set; }

        public ChunkResult? Result { get; private set; }

        private void ttse__on_start() =>
            Job = ChunkedIteration.Start(_items, Seen.Add, new ChunkOptions { ChunkSize = 4 }, r => Result = r);

        private void ttsc__ping(int n) => Events.Add($"ping {n} after {Seen.Count}");

        private void ttsc__stop() => Job!.Cancel();
    }

    [Fact]
    public void A_million_items_in_chunks_of_5000_stop_within_one_chunk_of_a_cancel_from_another_tonic()
    {
        const int k = 40;
        var distiller = new Distiller();
        var processor = distiller.Spawn(() => new Processor(Enumerable.Range(0, Million), new ChunkOptions { ChunkSize = ChunkSize }));
        var canceller = distiller.Spawn(() => new Canceller(processor, k));
        distiller.RunUntilIdle();

        var result = processor.Result!;
        Assert.Equal(ChunkOutcome.Cancelled, result.Outcome);
        Assert.True(result.IsCancelled);
        Assert.InRange(result.ProcessedCount, (k - 1) * ChunkSize, (k * ChunkSize) + ChunkSize);
        Assert.Equal(0, result.ProcessedCount % ChunkSize);
        Assert.Equal(result.ProcessedCount / ChunkSize, result.ChunkCount);
        Assert.Equal(result.ProcessedCount * (result.ProcessedCount - 1) / 2, processor.Sum);
        Assert.Equal(k, canceller.Ticks);
        Assert.Same(result, processor.Job!.Result);

        // The trace: the canceller's sparkles ran between every two chunks, on the same catalyst.
        var trace = distiller.Trace.Where(t => (t.Tonic == processor && t.Sparkle == "tts__callback") || t.Sparkle == "ttsc__tick").ToList();
        var chunks = trace.Where(t => t.Tonic == processor).Select(t => t.Index).ToList();
        var ticks = trace.Where(t => t.Tonic == canceller).Select(t => t.Index).ToList();
        Assert.All(trace, t => Assert.Equal(processor.Catalyst.Name, t.CatalystName));
        Assert.Equal(k, ticks.Count);
        for (var i = 1; i < k; i++)
        {
            Assert.Contains(ticks, tick => tick > chunks[i - 1] && tick < chunks[i]);
        }

        // Not one item was processed after the cancel: the next chunk ended the iteration, then the completion ran.
        Assert.Equal(processor.ProcessedAtStop, result.ProcessedCount);
        var stop = distiller.Trace.Single(t => t.Sparkle == "ttsc__stop");
        Assert.Equal(2, distiller.Trace.Count(t => t.Tonic == processor && t.Sparkle == "tts__callback" && t.Index > stop.Index));
    }

    [Fact]
    public void Without_a_cancel_every_item_is_processed_and_the_completion_runs_as_its_own_sparkle_last()
    {
        var distiller = new Distiller();
        var processor = distiller.Spawn(() => new Processor(Enumerable.Range(0, Million), new ChunkOptions { ChunkSize = ChunkSize }));
        distiller.RunUntilIdle();

        var result = processor.Result!;
        Assert.Equal(ChunkOutcome.Completed, result.Outcome);
        Assert.Equal(Million, result.ProcessedCount);
        Assert.Equal(Million / ChunkSize, result.ChunkCount);
        Assert.Null(result.Exception);
        Assert.Equal((long)Million * (Million - 1) / 2, processor.Sum);

        // 200 full chunks, one chunk that finds the end, one completion sparkle.
        Assert.Equal((Million / ChunkSize) + 2, distiller.Trace.Count(t => t.Tonic == processor && t.Sparkle == "tts__callback"));
    }

    [Fact]
    public void A_time_budget_cuts_chunks_by_the_ledger_clock()
    {
        var distiller = new Distiller();
        var processor = distiller.Spawn(() => new Processor(Enumerable.Range(0, 100), new ChunkOptions { TimeBudget = TimeSpan.FromMilliseconds(10) })
        {
            OnItem = _ => distiller.Clock.Advance(TimeSpan.FromMilliseconds(1)),
        });
        distiller.RunUntilIdle();

        Assert.Equal(100, processor.Result!.ProcessedCount);
        Assert.Equal(10, processor.Result.ChunkCount);
    }

    [Fact]
    public void Count_and_time_budget_together_end_a_chunk_at_whichever_comes_first()
    {
        var distiller = new Distiller();
        var processor = distiller.Spawn(() => new Processor(Enumerable.Range(0, 100), new ChunkOptions { ChunkSize = 30, TimeBudget = TimeSpan.FromMilliseconds(20) })
        {
            OnItem = i => distiller.Clock.Advance(TimeSpan.FromMilliseconds(i < 30 ? 0 : 1)),
        });
        distiller.RunUntilIdle();

        // 30 by count (no time passes), then 20, 20, 20 by budget, then the last 10.
        Assert.Equal(100, processor.Result!.ProcessedCount);
        Assert.Equal(5, processor.Result.ChunkCount);
    }

    [Fact]
    public void A_throwing_item_stops_the_iteration_reports_the_failure_and_completes_as_failed()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var boom = new InvalidOperationException("item 42");
        var processor = distiller.Spawn(() => new Processor(Enumerable.Range(0, 100), new ChunkOptions { ChunkSize = 10 })
        {
            OnItem = i =>
            {
                if (i == 42)
                {
                    throw boom;
                }
            },
        });
        distiller.RunUntilIdle();

        var result = processor.Result!;
        Assert.Equal(ChunkOutcome.Failed, result.Outcome);
        Assert.Same(boom, result.Exception);
        Assert.Equal(42, result.ProcessedCount);
        Assert.Same(boom, Assert.Single(failures).Exception);
        Assert.Equal(42L * 41 / 2, processor.Sum);
    }

    [Fact]
    public async Task Finishing_the_owner_drops_the_pending_chunk_counts_it_and_disposes_the_source()
    {
        var distiller = new Distiller();
        var disposed = false;
        IEnumerable<int> Items()
        {
            try
            {
                for (var i = 0; i < Million; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        var processor = distiller.Spawn(() => new Processor(Items(), new ChunkOptions { ChunkSize = 100 }));
        distiller.Run(4);
        processor.Finish();
        distiller.RunUntilIdle();

        Assert.True(processor.IsCompleted);
        Assert.Equal(1, distiller.Ledger.DroppedCount);
        Assert.Null(processor.Result); // no completion callback: the tonic had finished
        await WaitUntil(() => processor.Job!.IsFinished);
        Assert.Equal(ChunkOutcome.Abandoned, processor.Job!.Result!.Outcome);
        Assert.Equal(300, processor.Job.ProcessedCount);
        Assert.True(disposed);
    }

    [Fact]
    public void A_cancel_before_the_first_chunk_processes_nothing()
    {
        var distiller = new Distiller();
        var processor = distiller.Spawn(() => new Processor(Enumerable.Range(0, 10), new ChunkOptions()));
        distiller.Run(1); // the start sparkle queued the first chunk
        processor.Stop();
        distiller.RunUntilIdle();
        Assert.Equal(ChunkOutcome.Cancelled, processor.Result!.Outcome);
        Assert.Equal(0, processor.Result.ProcessedCount);
    }

    [Fact]
    public void Starting_outside_a_sparkle_or_with_bad_options_throws()
    {
        Assert.Throws<InvalidOperationException>(() => ChunkedIteration.Start([1, 2, 3], _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkOptions { ChunkSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkOptions { TimeBudget = TimeSpan.Zero });
        Assert.Equal(ChunkOptions.DefaultChunkSize, new ChunkOptions().EffectiveChunkSize);
    }

    [Fact]
    public async Task An_async_sequence_runs_ready_items_in_chunks_and_frees_the_catalyst_while_it_waits()
    {
        var distiller = new Distiller();
        var gate = new TaskCompletionSource();
        var processor = distiller.Spawn(() => new AsyncProcessor(Gated(gate.Task, 10, 20)));
        distiller.RunUntilIdle();

        // 0..9 were ready: chunks of 4, 4, 2; then MoveNextAsync waits and the catalyst is idle.
        Assert.Equal(Enumerable.Range(0, 10), processor.Seen);
        Assert.Equal(3, processor.Job!.ChunkCount);
        Assert.False(processor.Job.IsFinished);
        processor.Ping(1);
        distiller.RunUntilIdle();
        Assert.Equal(["ping 1 after 10"], processor.Events);

        // Completed on a pool thread, the sequence continues inline there and queues the next chunk before Run returns.
        await Task.Run(gate.SetResult);
        distiller.RunUntilIdle();
        Assert.Equal(Enumerable.Range(0, 20), processor.Seen);
        Assert.Equal(ChunkOutcome.Completed, processor.Result!.Outcome);
        Assert.Equal(20, processor.Result.ProcessedCount);
        Assert.Equal(6, processor.Result.ChunkCount);
    }

    [Fact]
    public async Task Cancelling_an_async_sequence_cancels_its_pending_wait()
    {
        var distiller = new Distiller();
        var processor = distiller.Spawn(() => new AsyncProcessor(WaitsForever(5)));
        distiller.RunUntilIdle();
        Assert.Equal(5, processor.Seen.Count);

        processor.Stop();
        distiller.RunUntilIdle();
        await WaitUntil(() =>
        {
            distiller.RunUntilIdle();
            return processor.Result is not null;
        });
        Assert.Equal(ChunkOutcome.Cancelled, processor.Result!.Outcome);
        Assert.Equal(5, processor.Result.ProcessedCount);
    }

    [Fact]
    public void A_failing_async_sequence_completes_as_failed()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var processor = distiller.Spawn(() => new AsyncProcessor(Throws(6)));
        distiller.RunUntilIdle();
        Assert.Equal(ChunkOutcome.Failed, processor.Result!.Outcome);
        Assert.IsType<InvalidOperationException>(processor.Result.Exception);
        Assert.Equal(6, processor.Result.ProcessedCount);
        Assert.Single(failures);
    }

    private static async IAsyncEnumerable<int> Gated(Task gate, int before, int total)
    {
        for (var i = 0; i < before; i++)
        {
            yield return i;
        }

        await gate.ConfigureAwait(false);
        for (var i = before; i < total; i++)
        {
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> WaitsForever(int before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < before; i++)
        {
            yield return i;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        yield return -1;
    }

    private static async IAsyncEnumerable<int> Throws(int before)
    {
        for (var i = 0; i < before; i++)
        {
            yield return i;
        }

        await Task.CompletedTask.ConfigureAwait(false);
        throw new InvalidOperationException("source failed");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_safety;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Yield();
        }
    }
}
