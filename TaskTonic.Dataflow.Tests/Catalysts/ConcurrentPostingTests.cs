using TaskTonic.Dataflow.Tests.Core;

namespace TaskTonic.Dataflow.Tests.Catalysts;

/// <summary>
/// Posts from several threads racing the mailbox switches: the opening of a new tonic's mailbox and repeated moves
/// between catalysts. Every work order arrives exactly once, the start first, and each sender's orders in the order sent.
/// </summary>
/// <remarks>
/// Stress tests on real threads: the opening race is hit in most runs (switching to direct posting before the buffer
/// drained fails the first test two runs in three); the move guard's window (between a sender's check and its enqueue)
/// is too narrow to hit reliably on two cores, so the second test guards against lost or reordered work in general.
/// </remarks>
public sealed partial class ConcurrentPostingTests
{
    private const int Senders = 3;

    private sealed partial class Sink : Tonic
    {
        private readonly int[] _next = new int[Senders];

        public List<string> Problems { get; } = [];

        public bool Started { get; private set; }

        public int Received { get; private set; }

        private void ttse__on_start() => Started = true;

        private void ttsc__take(int sender, int n)
        {
            if (!Started)
            {
                Problems.Add($"order {sender}/{n} ran before the start");
            }

            if (_next[sender] != n)
            {
                Problems.Add($"sender {sender}: expected {_next[sender]}, got {n}");
            }

            _next[sender] = n + 1;
            Received++;
        }
    }

    /// <summary>An idle resident: a worker catalyst finishes when its last tonic leaves, so each keeps one.</summary>
    private sealed partial class Keeper : Tonic
    {
        public Keeper(Catalyst? catalyst = null)
            : base(new TonicOptions { Catalyst = catalyst })
        {
        }
    }

    [Fact]
    public async Task Posts_racing_the_opening_of_a_mailbox_arrive_after_the_start_in_sender_order()
    {
        const int perSender = 2_000;
        for (var round = 0; round < 50; round++)
        {
            var formula = new Formula();
            formula.AddStartingTonic(() => new Keeper());
            var run = formula.RunAsync();
            using var go = new ManualResetEventSlim();
            Sink? sink = null;
            var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
            {
                go.Wait();
                var target = Volatile.Read(ref sink)!;
                for (var n = 0; n < perSender; n++)
                {
                    target.Take(s, n);
                }
            })).ToArray();

            // The senders start while the spawn scope is still open, so their first posts meet an unopened mailbox.
            formula.Spawn(() =>
            {
                Volatile.Write(ref sink, new Sink());
                go.Set();
                Thread.SpinWait(20_000);
                return sink!;
            });

            await Task.WhenAll(senders).Within();
            sink!.Finish();
            await sink.Completion.Within();
            Assert.Empty(sink.Problems);
            Assert.Equal(Senders * perSender, sink.Received);
            formula.Ledger.Shutdown();
            await run.Within();
        }
    }

    [Fact]
    public async Task Posts_from_several_threads_survive_repeated_moves_in_sender_order()
    {
        const int perSender = 20_000;
        var formula = new Formula();
        Catalyst? left = null;
        Catalyst? right = null;
        Sink? sink = null;
        formula.AddStartingTonic(() =>
        {
            left = new Catalyst(new CatalystOptions { Name = "left" });
            right = new Catalyst(new CatalystOptions { Name = "right" });
            _ = new Keeper(left);
            _ = new Keeper(right);
            return sink = new Sink();
        });
        var run = formula.RunAsync();
        var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            for (var n = 0; n < perSender; n++)
            {
                sink!.Take(s, n);
            }
        })).ToArray();
        var moves = 0;
        while (!senders.All(t => t.IsCompleted) && moves < 200)
        {
            sink!.MoveTo(moves % 2 == 0 ? left! : right!);
            moves++;
            await Task.Yield();
        }

        await Task.WhenAll(senders).Within();
        sink!.Finish();
        await sink.Completion.Within();
        Assert.Empty(sink.Problems);
        Assert.Equal(Senders * perSender, sink.Received);
        Assert.True(moves > 0);
        Assert.Contains(sink.Catalyst.Name, new[] { "left", "right" });
        formula.Ledger.Shutdown();
        await run.Within();
    }
}
