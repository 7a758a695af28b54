using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Behaviour reference §2.5 (start, finish, finishing mode, cascade) and §4.1 items 2, 3 and 9, §4.2 item 19.</summary>
public sealed partial class LifecycleTests
{
    private sealed partial class Starter : Tonic
    {
        public Starter(List<string> log, string name)
            : base(name)
        {
            Events = log;
        }

        public List<string> Events { get; }

        private void ttse__on_start() => Events.Add(Name + " start");

        private void ttse__on_ping() => Events.Add(Name + " ping");
    }

    private sealed partial class Creator : Tonic
    {
        public Creator(List<string> log)
        {
            Events = log;
        }

        public List<string> Events { get; }

        public bool ChildStartedInsideCreatingSparkle { get; private set; } = true;

        private void ttsc__create()
        {
            var first = new Starter(Events, "first");
            var second = new Starter(Events, "second");
            first.NotifyPing();
            ChildStartedInsideCreatingSparkle = Events.Count > 0;
            Events.Add("create done");
            _ = second;
        }
    }

    private sealed class StarterFormula(List<string> log) : Formula(new FormulaOptions { TimeProvider = new VirtualClock() })
    {
        public Starter? Tonic { get; private set; }

        protected override void CreateStartingTonics()
        {
            Tonic = new Starter(log, "t");
            Tonic.NotifyPing();
            log.Add("formula step done");
        }
    }

    private sealed partial class Quitter : Tonic
    {
        public Quitter(string? name = null)
            : base(name)
        {
        }

        public int Finished { get; private set; }

        public string? StateAtFinished { get; private set; } = "unset";

        private void ttsc__bye() => Finish();

        private void ttse__on_finished()
        {
            Finished++;
            StateAtFinished = StateName;
        }
    }

    private sealed partial class Pending : Tonic
    {
        public List<string> Events { get; } = [];

        public Quitter? Child { get; private set; }

        public Exception? ToStateWhileFinishing { get; private set; }

        private void ttse__on_start()
        {
            Child = new Quitter();
            ToState(States.B);
        }

        private void ttsc__x(int n) => Events.Add("x" + n);

        private void ttse_b__only_b() => Events.Add("only_b");

        private void ttse__on_exit() => Events.Add("exit " + StateName);

        private void ttse__on_enter() => Events.Add("enter " + StateName);

        private void ttse__on_finished()
        {
            Events.Add("finished in " + (StateName ?? "--"));
            try
            {
                ToState(States.B);
            }
            catch (InvalidOperationException ex)
            {
                ToStateWhileFinishing = ex;
            }
        }

        private void ttsc__go()
        {
            X(1);
            NotifyOnlyB();
            Finish();
            X(2);
        }
    }

    private sealed partial class Meddler : Tonic
    {
        public Exception? Error { get; private set; }

        private void ttsc__finish_other(Tonic other)
        {
            try
            {
                other.Finish();
            }
            catch (InvalidOperationException ex)
            {
                Error = ex;
            }
        }

        private void ttsc__shutdown() => Ledger.Shutdown();
    }

    private sealed partial class Node : Tonic
    {
        public Node(List<string> log, int depth, string name)
            : base(name)
        {
            Events = log;
            Depth = depth;
        }

        public List<string> Events { get; }

        public int Depth { get; }

        public Node? Child { get; private set; }

        private void ttse__on_start()
        {
            if (Depth > 0)
            {
                Child = new Node(Events, Depth - 1, Name + ".k");
            }

            ToState(States.Run);
        }

        private void ttse_run__on_enter()
        {
        }

        private void ttse__on_exit() => Events.Add(Name + " exit " + StateName);

        private void ttse__on_finished() => Events.Add(Name + " finished");

        private void ttsc__finish_grandchild() => Child!.Child!.Finish();
    }

    private sealed partial class Holder : Tonic
    {
        public Holder(SemaphoreSlim gate)
        {
            Gate = gate;
        }

        public SemaphoreSlim Gate { get; }

        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttsc__hold()
        {
            Holding.SetResult();
            Gate.Wait(CoreTestSupport.SafetyNet);
        }
    }

    private sealed partial class Host : Tonic
    {
        public Host(SemaphoreSlim gate)
        {
            Gate = gate;
        }

        public SemaphoreSlim Gate { get; }

        public Catalyst? Worker { get; private set; }

        public Holder? RemoteHolder { get; private set; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FinishedHookRan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttse__on_start()
        {
            Worker = new Catalyst(new CatalystOptions { Name = "worker" });
            RemoteHolder = Ledger.Spawn(() => new Holder(Gate), Worker);
            Started.SetResult();
        }

        private void ttse__on_finished() => FinishedHookRan.SetResult();
    }

    [Fact]
    public void F01_a_tonic_starts_after_the_formula_step_and_before_later_work_with_itself_as_source()
    {
        var log = new List<string>();
        var formula = new StarterFormula(log);
        var distiller = new Distiller(formula);
        distiller.Start();
        var tonic = formula.Tonic!;
        Assert.Equal(["formula step done"], log);
        Assert.Equal(1, formula.MainCatalyst!.BoundTonicCount);

        distiller.RunUntilIdle();

        Assert.Equal(["formula step done", "t start", "t ping"], log);
        var own = distiller.Trace.Where(t => t.Tonic == tonic).ToList();
        Assert.Equal(["_ttss__on_start", "ttse__on_start", "ttse__on_ping"], own.Select(t => t.Sparkle));
        Assert.True(own[0].IsSystem);
        Assert.Equal(0, own[0].Depth);
        Assert.Equal(1, own[1].Depth);
        Assert.Equal(new SparkleSource(tonic, "__init__", tonic.Id), own[0].Source);
        Assert.Equal(own[0].Source, own[1].Source);
        Assert.Equal("__formula__", own[2].Source.SparkleName);
        Assert.Same(formula.MainCatalyst, own[2].Source.Tonic);
    }

    [Fact]
    public void F01_tonics_created_in_a_sparkle_start_after_it_returns_in_creation_order()
    {
        var log = new List<string>();
        var distiller = new Distiller();
        var creator = distiller.Spawn(() => new Creator(log));
        distiller.RunUntilIdle();

        creator.Create();
        distiller.RunUntilIdle();

        Assert.False(creator.ChildStartedInsideCreatingSparkle);
        // As in the Python original, a child of the creating catalyst queues its start when it is created (it cannot run
        // before the creating sparkle returned), so the second start precedes the ping sent after both were created.
        Assert.Equal(["create done", "first start", "second start", "first ping"], log);
    }

    [Fact]
    public void F02_a_finish_runs_the_finished_hook_completes_and_leaves_the_ledger_and_the_base()
    {
        var formula = new Formula(new FormulaOptions { TimeProvider = new VirtualClock() });
        Quitter? b = null;
        Quitter? keeper = null;
        formula.AddStartingTonic(() => b = new Quitter("B"));
        formula.AddStartingTonic(() => keeper = new Quitter("keeper"));
        var distiller = new Distiller(formula);
        distiller.RunUntilIdle();
        var main = formula.MainCatalyst!;
        Assert.Contains(b!, main.Infusions);

        b!.Bye();
        var result = distiller.RunUntilIdle();

        Assert.Equal(
            ["B.ttsc__bye", "B.ttsc__finish", "B.ttse__on_finished",
             "tt_main_catalyst._ttss__on_infusion_completed"],
            result.Trace.Select(t => $"{t.TonicName}.{t.Sparkle}"));
        Assert.Equal(1, b.Finished);
        Assert.True(b.IsCompleted);
        Assert.True(b.Completion.IsCompletedSuccessfully);
        Assert.Null(distiller.Ledger.Find("B"));
        Assert.Null(distiller.Ledger.Find(b.Id));
        Assert.DoesNotContain(b, main.Infusions);
        Assert.Equal(1, main.BoundTonicCount);
        Assert.False(main.IsFinishing);
        Assert.False(keeper!.IsFinishing);
    }

    [Fact]
    public void F03_work_queued_before_the_finish_runs_and_work_after_it_is_dropped_and_reported()
    {
        var distiller = new Distiller();
        var tonic = distiller.Spawn(() => new Pending());
        distiller.RunUntilState("b");
        var drops = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(d =>
        {
            if (d.Reason != DeadLetterReason.Failed)
            {
                drops.Add(d);
            }
        });
        tonic.Events.Clear();

        tonic.Go();
        distiller.RunUntilSparkle("ttsc__finish");

        Assert.Equal(["x1", "only_b", "exit b", "finished in --"], tonic.Events);
        Assert.True(tonic.IsFinishing);
        Assert.False(tonic.IsCompleted);
        Assert.Null(tonic.StateName);

        distiller.RunUntilIdle();

        Assert.Equal(["x1", "only_b", "exit b", "finished in --"], tonic.Events);
        var dropped = Assert.Single(drops);
        Assert.Same(tonic, dropped.Target);
        Assert.Equal("ttsc__x", dropped.SparkleName);
        Assert.Equal(2, dropped.Arguments);
        Assert.Equal(new SparkleSource(tonic, "ttsc__go", tonic.Id), dropped.Source);
        Assert.Equal(DeadLetterReason.TonicFinishing, dropped.Reason);
        Assert.Equal(1, distiller.Ledger.DroppedCount);
        Assert.True(tonic.IsCompleted);
        Assert.True(tonic.Child!.IsCompleted);
        Assert.IsType<InvalidOperationException>(tonic.ToStateWhileFinishing);
    }

    [Fact]
    public void F03_work_sent_to_a_completed_tonic_is_dropped_at_the_call()
    {
        var distiller = new Distiller();
        var keeper = distiller.Spawn(() => new Quitter("keeper"));
        var tonic = distiller.Spawn(() => new Pending());
        distiller.RunUntilIdle();
        tonic.Finish();
        distiller.RunUntilIdle();
        Assert.True(tonic.IsCompleted);
        var drops = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(d =>
        {
            if (d.Reason != DeadLetterReason.Failed)
            {
                drops.Add(d);
            }
        });

        tonic.X(7);

        Assert.Equal(1, distiller.Ledger.DroppedCount);
        var dropped = Assert.Single(drops);
        Assert.Equal(DeadLetterReason.TonicCompleted, dropped.Reason);
        Assert.Equal(7, dropped.Arguments);
        Assert.Equal(SparkleSource.None, dropped.Source);
        Assert.Equal(0, distiller.RunUntilIdle().WorkOrders);
        Assert.DoesNotContain("x7", tonic.Events);
        Assert.False(keeper.IsFinishing);
    }

    [Fact]
    public void F04_a_sibling_may_not_finish_a_tonic_and_is_told_so()
    {
        var formula = new Formula(new FormulaOptions { TimeProvider = new VirtualClock() });
        Meddler? a = null;
        Quitter? b = null;
        formula.AddStartingTonic(() => a = new Meddler());
        formula.AddStartingTonic(() => b = new Quitter("B"));
        var distiller = new Distiller(formula);
        distiller.RunUntilIdle();

        a!.FinishOther(b!);
        distiller.RunUntilIdle();

        var error = Assert.IsType<InvalidOperationException>(a.Error);
        Assert.Contains("may not finish B", error.Message, StringComparison.Ordinal);
        Assert.False(b!.IsFinishing);
        Assert.Equal(0, b.Finished);
    }

    [Fact]
    public void F04_code_outside_any_sparkle_may_finish_a_non_root_tonic()
    {
        var formula = new Formula(new FormulaOptions { TimeProvider = new VirtualClock() });
        Quitter? b = null;
        Quitter? keeper = null;
        formula.AddStartingTonic(() => b = new Quitter("B"));
        formula.AddStartingTonic(() => keeper = new Quitter("keeper"));
        var distiller = new Distiller(formula);
        distiller.RunUntilIdle();
        Assert.NotNull(b!.Parent);

        b.Finish();
        distiller.RunUntilIdle();

        Assert.True(b.IsCompleted);
        Assert.Equal(1, b.Finished);
        Assert.False(keeper!.IsCompleted);
    }

    [Fact]
    public void F04_a_tonic_may_not_finish_the_main_catalyst_but_may_shut_the_ledger_down()
    {
        var formula = new Formula(new FormulaOptions { TimeProvider = new VirtualClock() });
        Meddler? a = null;
        Quitter? b = null;
        formula.AddStartingTonic(() => a = new Meddler());
        formula.AddStartingTonic(() => b = new Quitter("B"));
        var distiller = new Distiller(formula);
        distiller.RunUntilIdle();
        var main = formula.MainCatalyst!;

        a!.FinishOther(main);
        distiller.RunUntilIdle();
        Assert.IsType<InvalidOperationException>(a.Error);
        Assert.False(main.IsFinishing);

        a.Shutdown();
        var result = distiller.RunUntilIdle();

        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.True(main.IsCompleted);
        Assert.True(a.IsCompleted);
        Assert.Equal(1, b!.Finished);
        Assert.Equal(0, distiller.Ledger.Count);
    }

    [Fact]
    public void F04_an_ancestor_may_finish_a_grandchild()
    {
        var log = new List<string>();
        var distiller = new Distiller();
        var root = distiller.Spawn(() => new Node(log, 2, "P"));
        distiller.RunUntilIdle();
        var grandchild = root.Child!.Child!;

        root.FinishGrandchild();
        distiller.RunUntilIdle();

        Assert.True(grandchild.IsCompleted);
        Assert.False(root.Child.IsFinishing);
        Assert.DoesNotContain(grandchild, root.Child.Infusions);
        Assert.Equal(["P.k.k exit run", "P.k.k finished"], log);
    }

    [Fact]
    public void F05_children_finish_with_their_parent()
    {
        var log = new List<string>();
        var distiller = new Distiller();
        var dut = distiller.Spawn(() => new Node(log, 1, "dut"));
        distiller.RunUntilIdle();
        var child = dut.Child!;
        Assert.Equal("run", child.StateName);
        Assert.Same(child, distiller.Ledger.Find("dut.k"));

        dut.Finish();
        distiller.RunUntilIdle();

        Assert.Contains("dut.k finished", log);
        Assert.True(child.IsCompleted);
        Assert.True(dut.IsCompleted);
        Assert.Null(distiller.Ledger.Find("dut.k"));
    }

    [Fact]
    public void F05_a_default_named_child_is_findable_by_its_default_name()
    {
        var distiller = new Distiller();
        var creator = distiller.Spawn(() => new Pending());
        distiller.RunUntilIdle();
        var child = creator.Child!;

        Assert.Equal($"{child.Id:00}.Quitter", child.Name);
        Assert.Same(child, distiller.Ledger.Find(child.Name));
        Assert.Same(creator, child.Parent);
    }

    [Fact]
    public void F06_a_cascade_notifies_top_down_and_completes_bottom_up()
    {
        var log = new List<string>();
        var distiller = new Distiller();
        var keeper = distiller.Spawn(() => new Quitter("keeper"));
        var p = distiller.Spawn(() => new Node(log, 2, "P"));
        distiller.RunUntilIdle();
        var k = p.Child!;
        var kk = k.Child!;
        Assert.All(new[] { p, k, kk }, n => Assert.Equal("run", n.StateName));

        p.Finish();
        var completions = new List<string>();
        var violations = 0;
        distiller.RunUntil(() =>
        {
            // After every work order: a parent is never completed while a descendant is not.
            if ((p.IsCompleted && !k.IsCompleted) || (k.IsCompleted && !kk.IsCompleted))
            {
                violations++;
            }

            foreach (var node in new[] { p, k, kk })
            {
                if (node.IsCompleted && !completions.Contains(node.Name))
                {
                    completions.Add(node.Name);
                }
            }

            return false;
        });

        Assert.Equal(0, violations);
        Assert.Equal(["P exit run", "P finished", "P.k exit run", "P.k finished", "P.k.k exit run", "P.k.k finished"], log);
        Assert.Equal(["P.k.k", "P.k", "P"], completions);
        Assert.False(keeper.IsFinishing);
        Assert.False(distiller.Formula.MainCatalyst!.IsFinishing);
        Assert.Equal(2, distiller.Ledger.Count);
    }

    [Fact]
    public async Task F06_a_parent_completion_waits_for_infusions_on_another_catalyst()
    {
        using var gate = new SemaphoreSlim(0);
        var formula = new Formula();
        Host? host = null;
        formula.AddStartingTonic(() => host = new Host(gate));
        var run = formula.RunAsync();
        await host!.Started.Task.Within();
        Assert.Same(host.Worker, host.RemoteHolder!.Catalyst);
        Assert.Same(host.Worker, host.RemoteHolder.Parent);
        var remote = host.RemoteHolder!;
        remote.Hold();
        await remote.Holding.Task.Within();

        host.Finish();
        await host.FinishedHookRan.Task.Within();

        // The worker is busy in a sparkle, so the remote infusion cannot complete, nor can its parents.
        Assert.True(host.IsFinishing);
        Assert.False(remote.IsCompleted);
        Assert.False(host.Worker!.IsCompleted);
        Assert.False(host.Completion.IsCompleted);

        gate.Release();
        await host.Completion.Within();

        Assert.True(remote.IsCompleted);
        Assert.True(host.Worker.IsCompleted);
        await run.Within();
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public void F07_a_finished_child_leaves_its_parents_infusions_when_the_notice_is_processed()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Pending());
        distiller.RunUntilIdle();
        var child = parent.Child!;

        child.Bye();
        distiller.RunUntilSparkle("ttsc__finish");
        Assert.True(child.IsCompleted);
        Assert.Contains(child, parent.Infusions);

        var result = distiller.RunUntilSparkle("_ttss__on_infusion_completed");

        Assert.True(result.StoppedBecause(StopReasons.Sparkle));
        Assert.Same(parent, result.Trace[^1].Tonic);
        Assert.Same(child, result.Trace[^1].Arguments);
        Assert.DoesNotContain(child, parent.Infusions);
        Assert.False(parent.IsFinishing);
    }

    [Fact]
    public void F03_finishing_twice_is_harmless_and_the_finished_hook_runs_once()
    {
        var distiller = new Distiller();
        var keeper = distiller.Spawn(() => new Quitter("keeper"));
        var tonic = distiller.Spawn(() => new Quitter());
        distiller.RunUntilIdle();

        tonic.Finish();
        tonic.Finish();
        tonic.Bye();
        distiller.RunUntilIdle();
        tonic.Finish();
        distiller.RunUntilIdle();

        Assert.Equal(1, tonic.Finished);
        Assert.True(tonic.IsCompleted);
        Assert.Equal(0, distiller.Ledger.FailureCount);
        Assert.False(keeper.IsFinishing);
    }
}
