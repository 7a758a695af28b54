using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

public sealed partial class BoundedMailboxTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    private sealed partial class Worker : Tonic
    {
        public Worker(BoundedMailbox? mailbox)
            : base(new TonicOptions { Name = "worker", Mailbox = mailbox })
        {
        }

        public List<int> Processed { get; } = [];

        private void ttsc__process(int item) => Processed.Add(item);
    }

    private sealed partial class Feeder : Tonic
    {
        private readonly Worker _worker;

        public Feeder(Worker worker) => _worker = worker;

        private void ttsc__feed(int count)
        {
            for (var i = 0; i < count; i++)
            {
                _worker.Process(i);
            }
        }
    }

    private static (Distiller Distiller, Worker Worker) Start(BoundedMailbox? mailbox)
    {
        var distiller = new Distiller();
        var worker = distiller.Spawn(() => new Worker(mailbox));
        distiller.RunUntilIdle();
        return (distiller, worker);
    }

    [Fact]
    public void A_capacity_below_one_or_an_unknown_mode_is_refused_naming_the_parameter()
    {
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedMailbox(0)).ParamName);
        Assert.Equal("whenFull", Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedMailbox(1, (MailboxFullMode)7)).ParamName);
    }

    [Fact]
    public void DropNewest_drops_and_counts_what_exceeds_the_capacity_and_takes_work_again_once_drained()
    {
        var (distiller, worker) = Start(new BoundedMailbox(2, MailboxFullMode.DropNewest));
        var dropped = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(d =>
        {
            if (d.Reason != DeadLetterReason.Failed)
            {
                dropped.Add(d);
            }
        });

        for (var i = 0; i < 5; i++)
        {
            worker.Process(i);
        }

        distiller.RunUntilIdle();
        Assert.Equal([0, 1], worker.Processed);
        Assert.Equal(3, distiller.Ledger.DroppedCount);
        Assert.All(dropped, d => Assert.Equal(DeadLetterReason.MailboxFull, d.Reason));
        Assert.Equal([2, 3, 4], dropped.Select(d => (int)d.Arguments!));
        Assert.Equal(3, distiller.Ledger.DeadLetters.CountOf(TaskTonic.Dataflow.DeadLetters.DeadLetterReason.MailboxFull));

        worker.Process(5);
        worker.Process(6);
        distiller.RunUntilIdle();
        Assert.Equal([0, 1, 5, 6], worker.Processed);
        Assert.Equal(3, distiller.Ledger.DroppedCount);
    }

    [Fact]
    public void Fail_throws_at_the_caller_naming_the_tonic_and_the_capacity_and_loses_nothing_accepted()
    {
        var (distiller, worker) = Start(new BoundedMailbox(2, MailboxFullMode.Fail));
        worker.Process(0);
        worker.Process(1);

        var error = Assert.Throws<InvalidOperationException>(() => worker.Process(2));

        Assert.Contains("'worker'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 sparkles", error.Message, StringComparison.Ordinal);
        distiller.RunUntilIdle();
        worker.Process(3);
        distiller.RunUntilIdle();
        Assert.Equal([0, 1, 3], worker.Processed);
        Assert.Equal(0, distiller.Ledger.DroppedCount);
    }

    [Fact]
    public async Task Wait_SendAsync_completes_once_the_tonic_drained_room()
    {
        var (distiller, worker) = Start(new BoundedMailbox(1));
        var first = worker.SendAsync(() => worker.Process(0));
        var second = worker.SendAsync(() => worker.Process(1));

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        distiller.RunUntilIdle();
        await second.WaitAsync(s_safety);
        Assert.Equal(0, worker.Processed[0]); // item 1 may already have run: the freed slot is handed over while the Distiller runs
        distiller.RunUntilIdle();
        Assert.Equal([0, 1], worker.Processed);
    }

    [Fact]
    public async Task Wait_blocks_a_plain_post_from_outside_any_sparkle_until_the_tonic_drains()
    {
        var (distiller, worker) = Start(new BoundedMailbox(1));
        worker.Process(0);
        var posting = Task.Run(() => worker.Process(1));

        // It cannot complete before the tonic ran item 0: the only slot is taken until then.
        Assert.False(posting.IsCompleted);
        distiller.RunUntilIdle();
        await posting.WaitAsync(s_safety);
        distiller.RunUntilIdle();
        Assert.Equal([0, 1], worker.Processed);
    }

    [Fact]
    public async Task Wait_keeps_the_order_of_a_producer_that_outpaces_the_tonic()
    {
        var (distiller, worker) = Start(new BoundedMailbox(3));
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                var item = i;
                await worker.SendAsync(() => worker.Process(item));
            }
        });

        var guard = Task.Delay(s_safety);
        while (!producer.IsCompleted && !guard.IsCompleted)
        {
            distiller.RunUntilIdle();
            await Task.Yield();
        }

        await producer.WaitAsync(s_safety);
        distiller.RunUntilIdle();
        Assert.Equal(Enumerable.Range(0, 50), worker.Processed);
        Assert.Equal(0, distiller.Ledger.DroppedCount);
    }

    [Fact]
    public async Task A_poster_waiting_on_a_tonic_that_finishes_is_released_and_its_late_work_counted_as_dropped()
    {
        var (distiller, worker) = Start(new BoundedMailbox(1));
        worker.Process(0);
        var waiting = worker.SendAsync(() => worker.Process(1));
        Assert.False(waiting.IsCompleted);

        worker.Finish();
        distiller.RunUntilIdle();
        await waiting.WaitAsync(s_safety);

        Assert.True(worker.IsCompleted);
        Assert.Equal(1, distiller.Ledger.DroppedCount);
    }

    [Fact]
    public void Wait_admits_a_sparkles_posts_beyond_the_capacity_instead_of_blocking_its_catalyst()
    {
        var (distiller, worker) = Start(new BoundedMailbox(2));
        var feeder = distiller.Spawn(() => new Feeder(worker));

        feeder.Feed(5);
        distiller.RunUntilIdle();

        Assert.Equal([0, 1, 2, 3, 4], worker.Processed);
        Assert.Equal(0, distiller.Ledger.DroppedCount);
        Assert.True(worker.SendAsync(() => worker.Process(5)).IsCompletedSuccessfully);
    }

    [Fact]
    public void Without_a_bound_the_mailbox_takes_everything_and_SendAsync_posts_at_once()
    {
        var (distiller, worker) = Start(null);
        for (var i = 0; i < 1_000; i++)
        {
            worker.Process(i);
        }

        Assert.True(worker.SendAsync(() => worker.Process(1_000)).IsCompletedSuccessfully);
        distiller.RunUntilIdle();
        Assert.Equal(Enumerable.Range(0, 1_001), worker.Processed);
    }
}
