using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Tests.Supervision;

namespace TaskTonic.Dataflow.Tests.DeadLetters;

/// <summary>The dead-letter sink: every dropped or failed work order is counted and published, with its reason.</summary>
public sealed partial class DeadLetterTests
{
    private sealed partial class Target(string name) : Tonic(name)
    {
        public List<int> Done { get; } = [];

        private void ttsc__work(int n) => Done.Add(n);

        private void ttsc__fail(string why) => throw new InvalidOperationException(why);

        private void ttsc__quit_then(int n)
        {
            Finish();
            Work(n);
        }

        private void ttse__on_finished() => Work(-1);
    }

    private sealed partial class Sender(Target target) : Tonic
    {
        private void ttsc__send(int n) => target.Work(n);
    }

    private static (Distiller Distiller, Collector<DeadLetter> Letters) Start()
    {
        var distiller = new Distiller();
        var letters = new Collector<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(letters);
        distiller.Start();
        return (distiller, letters);
    }

    [Fact]
    public void DL_01_a_failed_work_order_is_a_dead_letter_with_its_exception_arguments_and_source()
    {
        var (distiller, letters) = Start();
        var target = distiller.Spawn(() => new Target("t"));
        distiller.RunUntilIdle();

        target.Fail("bad input");
        distiller.RunUntilIdle();

        var letter = Assert.Single(letters.Items);
        Assert.Equal(DeadLetterReason.Failed, letter.Reason);
        Assert.Same(target, letter.Target);
        Assert.Equal("t", letter.TargetName);
        Assert.Equal("ttsc__fail", letter.SparkleName);
        Assert.Equal("bad input", letter.Arguments);
        Assert.Equal("bad input", Assert.IsType<InvalidOperationException>(letter.Exception).Message);
        Assert.Equal(SparkleSource.None, letter.Source);
        Assert.Equal(distiller.Clock.GetUtcNow(), letter.Timestamp);
        Assert.Equal(1, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.Failed));
        Assert.Equal("t.ttsc__fail from : Failed (InvalidOperationException: bad input)", letter.ToString());
    }

    [Fact]
    public void DL_02_sparkles_sent_during_and_after_finish_are_dead_letters_with_their_sender()
    {
        var (distiller, letters) = Start();
        var target = distiller.Spawn(() => new Target("t"));
        var sender = distiller.Spawn(() => new Sender(target));
        distiller.RunUntilIdle();

        target.QuitThen(5);
        distiller.RunUntilIdle();
        sender.Send(7);
        distiller.RunUntilIdle();

        Assert.True(target.IsCompleted);
        Assert.Empty(target.Done);
        // -1 is sent by the target's own on_finished; 5 was queued behind the finish and came up once the target (which
        // has no infusions) had completed; 7 was sent after completion.
        Assert.Equal([-1, 5, 7], letters.Items.Select(l => (int)l.Arguments!));
        Assert.Equal([DeadLetterReason.TonicFinishing, DeadLetterReason.TonicCompleted, DeadLetterReason.TonicCompleted], letters.Items.Select(l => l.Reason));
        Assert.Same(sender, letters.Items.Last().Source.Tonic);
        Assert.Equal("ttsc__send", letters.Items.Last().Source.SparkleName);
        Assert.Equal(1, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.TonicFinishing));
        Assert.Equal(2, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.TonicCompleted));
        Assert.Equal(3, distiller.Ledger.DroppedCount);
        Assert.Equal(3, distiller.Ledger.DeadLetters.Count);
    }

    [Fact]
    public void DL_03_work_for_an_unknown_address_is_reported_by_the_component_that_could_not_deliver_it()
    {
        var (distiller, letters) = Start();

        distiller.Ledger.DeadLetters.ReportUnknownTarget("nobody", "ttsc__work", 3);

        var letter = Assert.Single(letters.Items);
        Assert.Equal(DeadLetterReason.UnknownTarget, letter.Reason);
        Assert.Null(letter.Target);
        Assert.Equal("nobody", letter.TargetName);
        Assert.Equal(3, letter.Arguments);
        Assert.Equal(1, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.UnknownTarget));
    }

    [Fact]
    public void DL_04_counts_are_kept_without_observers_unsubscribing_stops_delivery_and_a_throwing_observer_is_isolated()
    {
        var distiller = new Distiller();
        distiller.Start();
        var target = distiller.Spawn(() => new Target("t"));
        distiller.RunUntilIdle();
        target.Fail("1");
        distiller.RunUntilIdle();
        Assert.Equal(1, distiller.Ledger.DeadLetters.Count);

        var thrower = new Thrower();
        var letters = new Collector<DeadLetter>();
        using (distiller.Ledger.DeadLetters.Subscribe(thrower))
        {
            var subscription = distiller.Ledger.DeadLetters.Subscribe(letters);
            target.Fail("2");
            distiller.RunUntilIdle();
            subscription.Dispose();
            target.Fail("3");
            distiller.RunUntilIdle();
        }

        Assert.Equal(["2"], letters.Items.Select(l => (string)l.Arguments!));
        Assert.Equal(2, thrower.Calls);
        Assert.Equal(3, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.Failed));
        Assert.Equal(3, distiller.Ledger.FailureCount);
    }

    private sealed class Thrower : IObserver<DeadLetter>
    {
        public int Calls { get; private set; }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(DeadLetter value)
        {
            Calls++;
            throw new InvalidOperationException("observer failed");
        }
    }
}
