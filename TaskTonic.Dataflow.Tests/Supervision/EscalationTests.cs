using TaskTonic.Dataflow.Supervision;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Tests.Core;

namespace TaskTonic.Dataflow.Tests.Supervision;

/// <summary>Escalation chains, escalation past the root, all-for-one groups and deciders.</summary>
public sealed partial class EscalationTests
{
    /// <summary>Infuses children built by the factories, each under the paired policy.</summary>
    private sealed partial class Parent(params (Func<Tonic> Factory, SupervisionPolicy Policy)[] children) : Tonic
    {
        public List<Tonic> Children { get; } = [];

        private void ttse__on_start()
        {
            foreach (var (factory, policy) in children)
            {
                Children.Add(Infuse(factory, policy));
            }
        }

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Member(string tag, List<string> log) : Tonic
    {
        private void ttse__on_start() => log.Add("start " + tag);

        private void ttsc__work(int n) => log.Add($"{tag} {n}");

        private void ttsc__boom() => throw new InvalidOperationException(tag + " failed");

        private void ttsc__timeout() => throw new TimeoutException(tag + " timed out");
    }

    private sealed partial class StartsBadly : Tonic
    {
        private void ttse__on_start() => throw new InvalidOperationException("cannot start");
    }

    private sealed partial class BadStarter : Tonic
    {
        private void ttse__on_start() => Infuse(() => new StartsBadly(), SupervisionPolicy.Escalate);
    }

    [Fact]
    public void ES_01_an_escalation_chain_fails_each_supervisor_until_one_restarts()
    {
        var (distiller, _, events) = SupervisionTestSupport.Start();
        var log = new List<string>();

        // root → top (Restart) → middle (Escalate) → leaf (Escalate)
        var root = distiller.Spawn(() => new Parent(
            (() => new Parent((() => new Parent((() => new Member("leaf", log), SupervisionPolicy.Escalate)), SupervisionPolicy.Escalate)),
             SupervisionPolicy.Restart())));
        distiller.RunUntilIdle();
        var top = (Parent)root.Children.Single();
        var middle = (Parent)top.Children.Single();
        var leaf = (Member)middle.Children.Single();

        leaf.Boom();
        distiller.RunUntilIdle();

        Assert.Equal(
            [SupervisionEventKind.Escalated, SupervisionEventKind.Escalated, SupervisionEventKind.RestartScheduled, SupervisionEventKind.Restarted],
            events.Items.Select(e => e.Kind));
        Assert.Same(leaf, events.Items.ElementAt(0).Tonic);
        Assert.Same(middle, events.Items.ElementAt(1).Tonic);
        Assert.Equal(1, top.RestartCount);
        Assert.True(middle.IsCompleted);
        Assert.True(leaf.IsCompleted);
        var freshTop = (Parent)top.Incarnation;
        var freshLeaf = ((Parent)freshTop.Children.Single()).Children.Single();
        Assert.NotSame(leaf, freshLeaf);
        Assert.False(freshLeaf.IsFinishing);
        Assert.Equal(["start leaf", "start leaf"], log);
    }

    [Fact]
    public void ES_02_escalation_to_the_root_shuts_the_distilled_formula_down_and_records_the_fault()
    {
        var (distiller, _, events) = SupervisionTestSupport.Start(SupervisionTestSupport.VirtualSettings(SupervisionPolicy.Escalate));
        var log = new List<string>();
        distiller.Formula.Ledger.Spawn(() => new Parent((() => new Member("m", log), SupervisionPolicy.Escalate)), distiller.Formula.MainCatalyst);
        distiller.RunUntilIdle();
        var parent = (Parent)distiller.Formula.MainCatalyst!.Infusions.Single();

        ((Member)parent.Children[0]).Boom();
        var result = distiller.RunUntilIdle();

        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        var fault = Assert.IsType<InvalidOperationException>(distiller.Ledger.Supervision.Fault);
        Assert.Equal("m failed", fault.Message);
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.RootFailed);
        Assert.True(parent.IsCompleted);
    }

    [Fact]
    public async Task ES_03_escalation_to_the_root_ends_RunAsync_with_the_exception()
    {
        var formula = new Formula(new FormulaOptions { Supervision = SupervisionPolicy.Escalate });
        formula.AddStartingTonic(() => new BadStarter());

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => formula.RunAsync().Within());

        Assert.Equal("cannot start", thrown.Message);
        Assert.Equal(0, formula.Ledger.Count);
        Assert.Same(thrown, formula.Ledger.Supervision.Fault);
    }

    [Fact]
    public async Task ES_04_a_formula_level_rule_can_resume_past_the_root()
    {
        var formula = new Formula(new FormulaOptions { Supervision = SupervisionPolicy.Escalate, RootEscalation = RootEscalation.Resume });
        formula.AddStartingTonic(() => new BadStarter());
        var rootFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        formula.Ledger.Supervision.Subscribe(new Signal(SupervisionEventKind.RootFailed, rootFailed));
        var run = formula.RunAsync();
        await rootFailed.Task.Within();

        Assert.False(run.IsCompleted);
        Assert.Null(formula.Ledger.Supervision.Fault);
        formula.Ledger.Shutdown();
        await run.Within();
    }

    [Fact]
    public void ES_05_all_for_one_restarts_every_member_of_the_group_and_keeps_their_pending_work()
    {
        var (distiller, _, events) = SupervisionTestSupport.Start();
        var log = new List<string>();
        var group = SupervisionPolicy.Restart(strategy: SupervisionStrategy.AllForOne);
        var parent = distiller.Spawn(() => new Parent(
            (() => new Member("a", log), group),
            (() => new Member("b", log), group),
            (() => new Member("c", log), SupervisionPolicy.Restart())));
        distiller.RunUntilIdle();
        var (a, b, c) = ((Member)parent.Children[0], (Member)parent.Children[1], (Member)parent.Children[2]);
        log.Clear();

        a.Work(1);
        b.Boom();
        a.Work(2);
        b.Work(3);
        c.Work(4);
        distiller.RunUntilIdle();

        Assert.Equal(1, a.RestartCount);
        Assert.Equal(1, b.RestartCount);
        Assert.Equal(0, c.RestartCount);
        // A sibling is suspended through the catalyst's queue: what was queued for it before (a 2) still runs on the old
        // instance. The failed member's pending work (b 3) is held and runs on its fresh instance.
        Assert.Equal(["a 1", "a 2", "c 4", "start b", "start a", "b 3"], log);
        Assert.Equal(2, events.Items.Count(e => e.Kind == SupervisionEventKind.Restarted));
        Assert.Equal(3, parent.Infusions.Count);
        Assert.Contains(a.Incarnation, parent.Infusions);
        Assert.Contains(b.Incarnation, parent.Infusions);
        Assert.Contains(c, parent.Infusions);
    }

    [Fact]
    public void ES_06_all_for_one_stop_finishes_the_whole_group()
    {
        var (distiller, _, events) = SupervisionTestSupport.Start();
        var log = new List<string>();
        var group = new SupervisionPolicy { Directive = SupervisionDirective.Stop, Strategy = SupervisionStrategy.AllForOne };
        var parent = distiller.Spawn(() => new Parent((() => new Member("a", log), group), (() => new Member("b", log), group)));
        distiller.RunUntilIdle();

        ((Member)parent.Children[1]).Boom();
        distiller.RunUntilIdle();

        Assert.All(parent.Children, t => Assert.True(t.IsCompleted));
        Assert.Equal(2, events.Items.Count(e => e.Kind == SupervisionEventKind.Stopped));
        Assert.False(parent.IsFinishing);
    }

    [Fact]
    public void ES_07_a_decider_chooses_the_directive_per_exception()
    {
        var (distiller, _, events) = SupervisionTestSupport.Start();
        var log = new List<string>();
        var policy = new SupervisionPolicy
        {
            Decider = ex => ex is TimeoutException ? SupervisionDirective.Resume : SupervisionDirective.Restart,
        };
        var parent = distiller.Spawn(() => new Parent((() => new Member("m", log), policy)));
        distiller.RunUntilIdle();
        var member = (Member)parent.Children[0];

        member.Timeout();
        distiller.RunUntilIdle();
        Assert.Equal(0, member.RestartCount);
        member.Boom();
        distiller.RunUntilIdle();

        Assert.Equal(1, member.RestartCount);
        Assert.Equal([SupervisionEventKind.Resumed, SupervisionEventKind.RestartScheduled, SupervisionEventKind.Restarted], events.Items.Select(e => e.Kind));
    }

    [Fact]
    public void ES_08_the_formula_default_and_per_type_policies_apply_to_infusions_without_their_own()
    {
        var (distiller, _, events) = SupervisionTestSupport.Start(SupervisionTestSupport.VirtualSettings(SupervisionPolicy.Stop));
        var log = new List<string>();
        var typed = distiller.Spawn(() => new TypedParent(log));
        distiller.RunUntilIdle();

        typed.Typed!.Boom();
        typed.Other!.Boom();
        distiller.RunUntilIdle();

        Assert.Equal(1, typed.Typed.RestartCount);
        Assert.False(typed.Typed.IsFinishing);
        Assert.True(typed.Other.IsCompleted);
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.Stopped);
    }

    private sealed partial class TypedParent(List<string> log) : Tonic
    {
        public Member? Typed { get; private set; }

        public StartsLater? Other { get; private set; }

        private void ttse__on_start()
        {
            SuperviseInfusions<Member>(SupervisionPolicy.Restart());
            Typed = Infuse(() => new Member("typed", log));
            Other = Infuse(() => new StartsLater());
        }
    }

    private sealed partial class StartsLater : Tonic
    {
        private void ttsc__boom() => throw new InvalidOperationException("later");
    }

    private sealed class Signal(SupervisionEventKind kind, TaskCompletionSource done) : IObserver<SupervisionEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(SupervisionEvent value)
        {
            if (value.Kind == kind)
            {
                done.TrySetResult();
            }
        }
    }
}
