using System.Threading.Tasks.Dataflow;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Interop;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Interop;

public sealed partial class TonicTargetBlockTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    /// <summary>A tonic whose input is a Dataflow target; it records each item and the tonic that ran it.</summary>
    private sealed partial class Collector : Tonic
    {
        public Collector(TonicTargetBlockOptions? options = null, Action<int>? onItem = null)
        {
            Input = new TonicTargetBlock<int>(this, item =>
            {
                onItem?.Invoke(item);
                Items.Add(item);
                Runners.Add(SparkleContext.Current.Tonic);
            }, options);
        }

        public TonicTargetBlock<int> Input { get; }

        public List<int> Items { get; } = [];

        public List<Tonic?> Runners { get; } = [];

        public List<string> Events { get; } = [];

        private void ttsc__note(string text) => Events.Add(text);

        private void ttse__on_finished() => Events.Add("finished");
    }

    [Fact]
    public void Posted_items_run_later_as_sparkles_of_the_tonic_in_order()
    {
        var distiller = new Distiller();
        var collector = distiller.Spawn(() => new Collector());
        distiller.RunUntilIdle();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(collector.Input.Post(i));
        }

        Assert.Empty(collector.Items);
        Assert.Equal(5, collector.Input.InputCount);
        var result = distiller.RunUntilIdle();

        Assert.Equal([0, 1, 2, 3, 4], collector.Items);
        Assert.All(collector.Runners, r => Assert.Same(collector, r));
        Assert.Equal(5, result.Trace.Count(t => t.Tonic == collector && t.Sparkle == "tts__callback"));
        Assert.Equal(0, collector.Input.InputCount);
        Assert.Equal(DataflowBlockOptions.Unbounded, collector.Input.BoundedCapacity);
    }

    [Fact]
    public async Task A_bounded_block_postpones_sends_beyond_its_capacity_and_takes_them_in_order_as_the_tonic_catches_up()
    {
        var distiller = new Distiller();
        var collector = distiller.Spawn(() => new Collector(new TonicTargetBlockOptions { BoundedCapacity = 3 }));
        distiller.RunUntilIdle();

        var sends = Enumerable.Range(0, 6).Select(i => collector.Input.SendAsync(i)).ToList();
        Assert.All(sends.Take(3), s => Assert.True(s.IsCompletedSuccessfully && s.Result));
        Assert.All(sends.Skip(3), s => Assert.False(s.IsCompleted)); // the catalyst has not run: nothing can complete
        Assert.False(collector.Input.Post(99));
        Assert.Equal(3, collector.Input.InputCount);

        distiller.Run(1); // processes item 0, which makes room for the oldest postponed send
        Assert.True(await sends[3].WaitAsync(s_safety));
        Assert.False(sends[4].IsCompleted);
        Assert.Equal(3, collector.Input.InputCount);

        distiller.RunUntilIdle();
        Assert.True(await sends[4].WaitAsync(s_safety));
        Assert.True(await sends[5].WaitAsync(s_safety));
        Assert.Equal([0, 1, 2, 3, 4, 5], collector.Items);
        Assert.Equal(0, collector.Input.InputCount);
    }

    [Fact]
    public void Completion_waits_for_every_accepted_item_and_new_items_are_declined()
    {
        var distiller = new Distiller();
        var collector = distiller.Spawn(() => new Collector());
        distiller.RunUntilIdle();
        collector.Input.Post(1);
        collector.Input.Post(2);
        collector.Input.Complete();

        Assert.False(collector.Input.Post(3));
        Assert.False(collector.Input.Completion.IsCompleted);
        distiller.Run(1);
        Assert.False(collector.Input.Completion.IsCompleted);
        distiller.RunUntilIdle();

        Assert.True(collector.Input.Completion.IsCompletedSuccessfully);
        Assert.Equal([1, 2], collector.Items);
        Assert.False(collector.IsFinishing); // not asked to finish the tonic
    }

    [Fact]
    public async Task Completing_gives_postponed_sends_back_so_they_complete_as_declined()
    {
        var distiller = new Distiller();
        var collector = distiller.Spawn(() => new Collector(new TonicTargetBlockOptions { BoundedCapacity = 1 }));
        distiller.RunUntilIdle();
        var first = collector.Input.SendAsync(1);
        var second = collector.Input.SendAsync(2);
        Assert.False(second.IsCompleted);

        collector.Input.Complete();
        Assert.False(await second.WaitAsync(s_safety));
        Assert.True(await first);
        distiller.RunUntilIdle();
        Assert.Equal([1], collector.Items);
        Assert.True(collector.Input.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_fault_skips_the_items_not_yet_processed_and_faults_completion()
    {
        var distiller = new Distiller();
        var collector = distiller.Spawn(() => new Collector());
        distiller.RunUntilIdle();
        collector.Input.Post(1);
        distiller.RunUntilIdle();
        collector.Input.Post(2);
        collector.Input.Post(3);
        var boom = new InvalidOperationException("upstream broke");
        ((IDataflowBlock)collector.Input).Fault(boom);

        Assert.False(collector.Input.Completion.IsCompleted); // two accepted items still pass through the tonic's queue
        distiller.RunUntilIdle();
        Assert.Equal([1], collector.Items);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => collector.Input.Completion);
        Assert.Same(boom, thrown);
    }

    [Fact]
    public void On_completion_the_tonic_runs_OnCompleted_then_finishes_when_asked()
    {
        var distiller = new Distiller();
        Exception? seen = new InvalidOperationException("not called");
        Collector? collector = null;
        collector = distiller.Spawn(() => new Collector(new TonicTargetBlockOptions
        {
            FinishTonicOnCompletion = true,
            OnCompleted = error =>
            {
                seen = error;
                collector!.Events.Add($"completed on {SparkleContext.Current.Tonic?.Name}");
            },
        }));
        distiller.RunUntilIdle();
        collector.Input.Post(7);
        collector.Input.Complete();
        distiller.RunUntilIdle();

        Assert.Null(seen);
        Assert.Equal([7], collector.Items);
        Assert.Equal([$"completed on {collector.Name}", "finished"], collector.Events);
        Assert.True(collector.IsCompleted);
        Assert.True(collector.Input.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task When_the_tonic_finishes_first_its_unprocessed_items_are_dropped_and_completion_is_canceled()
    {
        var distiller = new Distiller();
        var collector = distiller.Spawn(() => new Collector(new TonicTargetBlockOptions { BoundedCapacity = 1 }));
        distiller.RunUntilIdle();
        collector.Input.Post(1);
        distiller.RunUntilIdle();
        collector.Finish();
        collector.Input.Post(2); // queued after the finish: dropped when it would run
        var postponed = collector.Input.SendAsync(3); // over capacity: given back when the tonic is gone
        distiller.RunUntilIdle();

        Assert.True(collector.IsCompleted);
        Assert.Equal([1], collector.Items);
        Assert.Equal(1, distiller.Ledger.DroppedCount);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collector.Input.Completion.WaitAsync(s_safety));
        Assert.False(await postponed.WaitAsync(s_safety));
        Assert.False(collector.Input.Post(4));
    }

    [Fact]
    public void A_throwing_handler_is_reported_and_the_next_item_still_runs()
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
        var collector = distiller.Spawn(() => new Collector(onItem: i =>
        {
            if (i == 2)
            {
                throw new InvalidOperationException("bad item");
            }
        }));
        distiller.RunUntilIdle();
        collector.Input.Post(1);
        collector.Input.Post(2);
        collector.Input.Post(3);
        collector.Input.Complete();
        distiller.RunUntilIdle();

        Assert.Equal([1, 3], collector.Items);
        Assert.Equal("bad item", Assert.Single(failures).Exception!.Message);
        Assert.True(collector.Input.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        var distiller = new Distiller();
        Assert.Throws<ArgumentOutOfRangeException>(() => distiller.Spawn(() => new Collector(new TonicTargetBlockOptions { BoundedCapacity = 0 })));
    }

    [Fact]
    public async Task A_linked_buffer_block_feeds_the_tonic_and_propagates_completion_on_the_real_runtime()
    {
        var formula = new Formula();
        Collector? collector = null;
        formula.AddStartingTonic(() => collector = new Collector(new TonicTargetBlockOptions { BoundedCapacity = 4, FinishTonicOnCompletion = true }));
        var run = formula.RunAsync();
        var buffer = new BufferBlock<int>();
        using (buffer.LinkTo(collector!.Input, new DataflowLinkOptions { PropagateCompletion = true }))
        {
            for (var i = 0; i < 1000; i++)
            {
                await buffer.SendAsync(i);
            }

            buffer.Complete();
            await collector.Input.Completion.WaitAsync(s_safety);
        }

        await run.WaitAsync(s_safety); // the collector finished itself, so the formula ends
        Assert.Equal(Enumerable.Range(0, 1000), collector.Items);
        Assert.True(collector.IsCompleted);
    }
}
