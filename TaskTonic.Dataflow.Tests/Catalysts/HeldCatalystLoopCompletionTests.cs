using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Tests.Core;

namespace TaskTonic.Dataflow.Tests.Catalysts;

/// <summary>The held loop under racing posters and holders, and its completion.</summary>
public sealed class HeldCatalystLoopCompletionTests(HeldCatalystLoopTests.TargetFixture fixture)
    : IClassFixture<HeldCatalystLoopTests.TargetFixture>
{
    private WorkOrder Order(object args) => new(fixture.Target, SystemSparkle.Callback, args, null, SystemSparkle.None);

    [Fact]
    public async Task HL06_racing_posters_and_holders_never_overlap_runs_and_keep_each_senders_order()
    {
        const int posters = 3;
        const int perSender = 20_000;
        const int total = (posters + 1) * perSender;
        var inside = 0;
        var overlaps = 0;
        var outOfOrder = 0;
        var executed = 0;
        var next = new int[posters + 1];
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new HeldCatalystLoop(order =>
        {
            if (Interlocked.Increment(ref inside) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            var (sender, n) = ((int, int))order.Args!;
            if (next[sender] != n)
            {
                Interlocked.Increment(ref outOfOrder);
            }

            next[sender] = n + 1;
            Thread.SpinWait(20);
            Interlocked.Decrement(ref inside);
            if (Interlocked.Increment(ref executed) == total)
            {
                all.TrySetResult();
            }
        });

        var senders = Enumerable.Range(0, posters).Select(s => Task.Run(() =>
        {
            for (var n = 0; n < perSender; n++)
            {
                Assert.True(loop.Post(Order((s, n))));
            }
        })).ToList();

        // a turn: takes the loop when free, posts a few of its own, runs some (not always all) and releases
        var holds = 0;
        senders.Add(Task.Run(() =>
        {
            var n = 0;
            while (n < perSender)
            {
                if (!loop.TryHold())
                {
                    Thread.Yield();
                    continue;
                }

                holds++;
                for (var k = 0; k < 5 && n < perSender; k++, n++)
                {
                    loop.Post(Order((posters, n)));
                }

                for (var k = 0; k < 3 && loop.TryRunOne(); k++)
                {
                }

                loop.Release();
            }
        }));

        await Task.WhenAll(senders).Within();
        await all.Task.Within();

        Assert.Equal(0, overlaps);
        Assert.Equal(0, outOfOrder);
        Assert.True(holds > 0);
        Assert.Equal(total, loop.PostedCount);
        Assert.Equal(total, loop.RunCount);
        Assert.True(SpinWait.SpinUntil(loop.TryHold, CoreTestSupport.SafetyNet), "the last drain never released the loop");
        Assert.Equal(0, loop.QueuedCount);
        loop.Release();
    }

    [Fact]
    public async Task HL10_a_post_racing_the_holders_release_is_always_run_by_a_drain()
    {
        const int rounds = 3_000;
        var executed = 0;
        var loop = new HeldCatalystLoop(_ => Interlocked.Increment(ref executed));
        using var start = new Barrier(2);
        var poster = Task.Run(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                start.SignalAndWait(CoreTestSupport.SafetyNet);
                loop.Post(Order(round));
            }
        });

        await Task.Run(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                // the previous round's drain may still be giving the loop back
                Assert.True(SpinWait.SpinUntil(loop.TryHold, CoreTestSupport.SafetyNet), $"round {round}: the loop was never free");
                start.SignalAndWait(CoreTestSupport.SafetyNet);
                loop.Release(); // races the post: one of the two must schedule the drain
                var expected = round + 1;
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref executed) == expected, TimeSpan.FromSeconds(10)),
                    $"round {round}: the order posted while the holder released was left in the queue");
            }
        }).Within();
        await poster.Within();

        Assert.Equal(rounds, loop.PostedCount);
        Assert.Equal(rounds, loop.RunCount);
    }

    [Fact]
    public async Task HL07_Complete_while_held_refuses_new_posts_and_completes_once_the_holder_ran_the_rest_and_released()
    {
        var ran = new List<int>();
        var loop = new HeldCatalystLoop(order => ran.Add((int)order.Args!));
        Assert.True(loop.TryHold());
        Assert.True(loop.Post(Order(1)));
        Assert.True(loop.Post(Order(2)));

        loop.Complete();
        Assert.False(loop.Post(Order(3)));
        Assert.Equal(2, loop.PostedCount);
        Assert.False(loop.Completion.IsCompleted);

        while (loop.TryRunOne())
        {
        }

        Assert.False(loop.Completion.IsCompleted); // still held
        loop.Release();
        await loop.Completion.Within();
        Assert.Equal([1, 2], ran);
        Assert.Equal(2, loop.RunCount);
    }

    [Fact]
    public async Task HL08_Complete_during_a_pool_drain_completes_once_the_drain_emptied_the_queue()
    {
        using var gate = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new List<int>();
        var loop = new HeldCatalystLoop(order =>
        {
            entered.TrySetResult();
            Assert.True(gate.Wait(CoreTestSupport.SafetyNet), "the test never opened the gate");
            lock (ran)
            {
                ran.Add((int)order.Args!);
            }
        });

        Assert.True(loop.Post(Order(1)));
        await entered.Task.Within();
        Assert.True(loop.Post(Order(2)));
        loop.Complete();
        Assert.False(loop.Post(Order(3)));
        Assert.False(loop.Completion.IsCompleted);

        gate.Set();
        await loop.Completion.Within();
        lock (ran)
        {
            Assert.Equal([1, 2], ran);
        }

        Assert.Equal(2, loop.PostedCount);
        Assert.Equal(2, loop.RunCount);
        Assert.Equal(0, loop.QueuedCount);
    }

    [Fact]
    public void HL09_Complete_on_an_idle_free_loop_completes_at_once()
    {
        var loop = new HeldCatalystLoop(_ => Assert.Fail("nothing was posted"));
        loop.Complete();
        Assert.True(loop.Completion.IsCompletedSuccessfully);
        Assert.False(loop.Post(Order(1)));
        Assert.Equal(0, loop.PostedCount);
    }
}
