using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Tests.Core;

namespace TaskTonic.Dataflow.Tests.Catalysts;

/// <summary>
/// The loop a holder runs on its own thread (an Orleans grain turn): while held, only the holder runs work orders;
/// work posted while the loop is free, or left when the holder releases it, runs on a thread-pool drain; runs never
/// overlap and keep the order queued. The loop is driven directly with an execute action that records what it is given.
/// </summary>
public sealed partial class HeldCatalystLoopTests(HeldCatalystLoopTests.TargetFixture fixture)
    : IClassFixture<HeldCatalystLoopTests.TargetFixture>
{
    private WorkOrder Order(object args) => new(fixture.Target, SystemSparkle.Callback, args, null, SystemSparkle.None);

    /// <summary>Waits (bounded) until a drain that ran the last order has given the loop back, then holds it.</summary>
    private static void HoldOnceFree(HeldCatalystLoop loop) =>
        Assert.True(SpinWait.SpinUntil(loop.TryHold, CoreTestSupport.SafetyNet), "the drain never released the loop");

    [Fact]
    public void HL01_the_holder_runs_orders_in_post_order_on_its_own_thread_and_TryRunOne_is_false_when_empty()
    {
        var recorder = new Recorder();
        var loop = new HeldCatalystLoop(recorder.Execute);
        Assert.True(loop.TryHold());
        for (var n = 1; n <= 5; n++)
        {
            Assert.True(loop.Post(Order(n)));
        }

        Assert.Equal(5, loop.QueuedCount);
        Assert.Empty(recorder.Numbers);
        Assert.Equal(5, loop.PostedCount);
        Assert.Equal(0, loop.RunCount);

        for (var n = 1; n <= 5; n++)
        {
            Assert.True(loop.TryRunOne());
            Assert.Equal(n, loop.RunCount);
        }

        Assert.False(loop.TryRunOne());
        loop.Release();

        Assert.Equal([1, 2, 3, 4, 5], recorder.Numbers);
        Assert.All(recorder.Runs, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
        Assert.Equal(0, loop.QueuedCount);
        Assert.Equal(5, loop.PostedCount);
        Assert.Equal(5, loop.RunCount);
    }

    [Fact]
    public async Task HL02_while_held_orders_posted_from_other_threads_wait_for_the_holder()
    {
        var recorder = new Recorder();
        var loop = new HeldCatalystLoop(recorder.Execute);
        Assert.True(loop.TryHold());
        await Task.WhenAll(Enumerable.Range(1, 4).Select(n => Task.Run(() => Assert.True(loop.Post(Order(n)))))).Within();

        // a drain, had one been queued, would be on the pool's global queue ahead of these round trips
        for (var i = 0; i < 20; i++)
        {
            await Task.Run(() => Assert.False(loop.TryHold())).Within();
        }

        Assert.Empty(recorder.Numbers);
        Assert.Equal(4, loop.QueuedCount);
        Assert.Equal(0, loop.RunCount);

        while (loop.TryRunOne())
        {
        }

        loop.Release();
        Assert.Equal(4, recorder.Numbers.Count);
        Assert.All(recorder.Runs, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
    }

    [Fact]
    public async Task HL03_TryHold_fails_while_held_from_any_thread_and_succeeds_after_Release()
    {
        var loop = new HeldCatalystLoop(_ => { });
        Assert.True(loop.TryHold());
        Assert.False(loop.TryHold());
        Assert.False(await Task.Run(loop.TryHold).Within());
        loop.Release();
        Assert.True(await Task.Run(loop.TryHold).Within());
        Assert.False(loop.TryHold());
    }

    [Fact]
    public async Task HL04_Release_with_work_left_schedules_a_pool_drain_that_runs_it_in_order()
    {
        var recorder = new Recorder();
        var loop = new HeldCatalystLoop(recorder.Execute);
        Assert.True(loop.TryHold());
        for (var n = 1; n <= 4; n++)
        {
            loop.Post(Order(n));
        }

        Assert.True(loop.TryRunOne());
        var holder = Environment.CurrentManagedThreadId;
        var all = recorder.Reached(4);
        loop.Release();
        await all.Task.Within();

        Assert.Equal([1, 2, 3, 4], recorder.Numbers);
        Assert.Equal(holder, recorder.Runs[0].Thread);
        Assert.All(recorder.Runs.Skip(1), r => Assert.True(r.Pool, $"order {r.N} ran off the pool"));
        HoldOnceFree(loop);
        Assert.Equal(0, loop.QueuedCount);
        Assert.Equal(4, loop.RunCount);
        loop.Release();
    }

    [Fact]
    public async Task HL05_posts_to_a_free_loop_run_on_a_pool_drain_that_holds_the_loop_meanwhile()
    {
        using var gate = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new Recorder();
        var loop = new HeldCatalystLoop(order =>
        {
            if ((int)order.Args! == 1)
            {
                entered.TrySetResult();
                Assert.True(gate.Wait(CoreTestSupport.SafetyNet), "the test never opened the gate");
            }

            recorder.Execute(order);
        });

        Assert.True(loop.Post(Order(1)));
        await entered.Task.Within();

        // the drain holds the loop: a turn cannot take it, and what it posts now joins the drain's queue
        Assert.False(loop.TryHold());
        Assert.True(loop.Post(Order(2)));
        Assert.Equal(1, loop.QueuedCount);
        Assert.Empty(recorder.Numbers);

        var both = recorder.Reached(2);
        gate.Set();
        await both.Task.Within();

        Assert.Equal([1, 2], recorder.Numbers);
        Assert.All(recorder.Runs, r => Assert.True(r.Pool));
        Assert.Single(recorder.Runs.Select(r => r.Thread).Distinct());
        HoldOnceFree(loop);
        loop.Release();
    }

    [Fact]
    public void HL11_TryRunNow_on_an_idle_held_loop_runs_the_order_on_the_holder_thread_without_counting_it()
    {
        var recorder = new Recorder();
        var loop = new HeldCatalystLoop(recorder.Execute);
        Assert.True(loop.TryHold());

        Assert.True(loop.TryRunNow(Order(1)));
        Assert.True(loop.Post(Order(2))); // queued after it, run by the holder as usual
        Assert.True(loop.TryRunOne());
        loop.Release();

        Assert.Equal([1, 2], recorder.Numbers);
        Assert.All(recorder.Runs, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
        Assert.Equal(1, loop.PostedCount);
        Assert.Equal(1, loop.RunCount);
    }

    [Fact]
    public void HL12_TryRunNow_refuses_while_orders_wait_so_they_keep_their_place_and_after_completion()
    {
        var recorder = new Recorder();
        var loop = new HeldCatalystLoop(recorder.Execute);
        Assert.True(loop.TryHold());
        Assert.True(loop.Post(Order(1)));

        Assert.False(loop.TryRunNow(Order(2)));
        Assert.Empty(recorder.Numbers);
        Assert.True(loop.TryRunOne());
        Assert.True(loop.TryRunNow(Order(3)));

        loop.Complete();
        Assert.False(loop.TryRunNow(Order(4)));
        loop.Release();

        Assert.Equal([1, 3], recorder.Numbers);
    }
}
