using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Supervision;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Tests.Supervision;

namespace TaskTonic.Dataflow.Tests.Addressing;

/// <summary>
/// <see cref="TonicRef{T}"/>: the address callers hold. Its generated entry points post to the live incarnation, refs to
/// any incarnation are equal, and posting to a finished tonic through a ref is a dead letter like posting to the object.
/// </summary>
public sealed partial class TonicRefTests
{
    /// <summary>A tonic with fields, a command with a default argument, an event, and a command that fails.</summary>
    internal sealed partial class Tally(List<string> log, string name = "tally") : Tonic(name)
    {
        public int Total { get; private set; }

        private void ttsc__add(int n = 1)
        {
            Total += n;
            log.Add($"add {n} -> {Total}");
        }

        [Event]
        private void OnReset(string why)
        {
            Total = 0;
            log.Add("reset " + why);
        }

        private void ttsc__boom() => throw new InvalidOperationException("boom");
    }

    /// <summary>Supervises one <see cref="Tally"/> with restarts and hands out its ref.</summary>
    internal sealed partial class Owner(List<string> log) : Tonic
    {
        public Tally? Worker { get; private set; }

        private void ttse__on_start() => Worker = Infuse(() => new Tally(log), SupervisionPolicy.Restart());
    }

    /// <summary>Is handed a ref (a message argument like any other) and tries to finish a tonic it is no ancestor of.</summary>
    internal sealed partial class Meddler : Tonic
    {
        public Exception? FromRef { get; private set; }

        public Exception? FromObject { get; private set; }

        private void ttsc__meddle(TonicRef<Tally> target, Tally same)
        {
            FromRef = Record.Exception(target.Finish);
            FromObject = Record.Exception(same.Finish);
        }
    }

    private static (Distiller Distiller, Collector<DeadLetter> Letters, Owner Owner) Start(List<string> log)
    {
        var (distiller, letters, _) = SupervisionTestSupport.Start();
        var owner = distiller.Spawn(() => new Owner(log));
        distiller.RunUntilIdle();
        return (distiller, letters, owner);
    }

    [Fact]
    public void TR_01_ref_posts_reach_the_live_incarnation_after_a_supervised_restart()
    {
        var log = new List<string>();
        var (distiller, _, owner) = Start(log);
        var first = owner.Worker!;
        var tally = first.Ref();

        tally.Add(5);
        tally.Boom();
        tally.Add();
        tally.Add(2);
        distiller.RunUntilIdle();

        var live = (Tally)first.Incarnation;
        Assert.NotSame(first, live);
        Assert.Same(live, tally.UnsafeIncarnation);
        Assert.Equal(["add 5 -> 5", "add 1 -> 1", "add 2 -> 3"], log);
        Assert.Equal(5, first.Total); // the held object keeps the dead incarnation's fields; the ref exposes none
        Assert.Equal(3, live.Total);

        tally.NotifyReset("shift");
        distiller.RunUntilIdle();
        Assert.Equal("reset shift", log[^1]);
        Assert.Equal(0, live.Total);
        Assert.Equal(first.Id, tally.Id);
        Assert.Equal("tally", tally.Name);
    }

    [Fact]
    public void TR_02_refs_to_any_incarnation_are_equal_across_restarts()
    {
        var log = new List<string>();
        var (distiller, _, owner) = Start(log);
        var first = owner.Worker!;
        var before = TonicRef.Of(first);
        first.Boom();
        distiller.RunUntilIdle();
        var live = (Tally)first.Incarnation;
        var after = live.Ref();

        Assert.NotSame(first, live);
        Assert.True(before == after);
        Assert.False(before != after);
        Assert.True(before.Equals((object)after));
        Assert.Equal(before.GetHashCode(), after.GetHashCode());
        Assert.Equal($"ref {live}", after.ToString());

        var other = distiller.Spawn(() => new Tally([], "other")).Ref();
        Assert.NotEqual(before, other);
        Assert.NotEqual(before, default);
        Assert.Equal(default, default(TonicRef<Tally>));
        Assert.Equal("ref (none)", default(TonicRef<Tally>).ToString());
        var error = Assert.Throws<InvalidOperationException>(() => default(TonicRef<Tally>).Id);
        Assert.Contains("default value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TR_03_a_ref_to_a_finished_tonic_counts_the_post_as_a_dead_letter_like_the_object()
    {
        var log = new List<string>();
        var (distiller, letters, owner) = Start(log);
        var first = owner.Worker!;
        first.Boom();
        distiller.RunUntilIdle();
        var tally = first.Ref();

        tally.Finish();
        distiller.RunUntilIdle();
        Assert.True(tally.IsFinishing);
        Assert.True(tally.IsCompleted);
        Assert.True(tally.Completion.IsCompletedSuccessfully);

        var before = letters.Items.Count;
        tally.Add(7);
        first.Add(8);
        distiller.RunUntilIdle();

        var dropped = letters.Items.Skip(before).ToArray();
        Assert.Equal(2, dropped.Length);
        Assert.Equal(dropped[1].Reason, dropped[0].Reason);
        Assert.Equal(DeadLetterReason.TonicCompleted, dropped[0].Reason);
        Assert.Equal([7, 8], dropped.Select(l => (int)l.Arguments!));
        Assert.DoesNotContain(log, l => l.StartsWith("add 7", StringComparison.Ordinal) || l.StartsWith("add 8", StringComparison.Ordinal));
    }

    [Fact]
    public void TR_04_a_ref_finishes_under_the_same_caller_rule_as_the_object()
    {
        var (distiller, _, owner) = Start([]);
        var meddler = distiller.Spawn(() => new Meddler());
        var target = owner.Worker!.Ref();
        meddler.Ref().Meddle(target, owner.Worker!);
        distiller.RunUntilIdle();

        var error = Assert.IsType<InvalidOperationException>(meddler.FromRef);
        Assert.Equal(meddler.FromObject!.Message, error.Message);
        Assert.Contains("may not finish tally", error.Message, StringComparison.Ordinal);
        Assert.False(target.IsFinishing);
        Assert.Throws<ArgumentNullException>(() => TonicRef.Of<Tally>(null!));
    }
}
