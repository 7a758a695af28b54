using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Behaviour reference §2.1 (ledger, identity, parenthood) and §4.1 items 6, 12 and 14.</summary>
public sealed partial class LedgerTests
{
    private sealed partial class Named : Tonic
    {
        public Named(string? name = null)
            : base(name)
        {
        }

        public bool Started { get; private set; }

        private void ttse__on_start() => Started = true;

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Parent : Tonic
    {
        public Named? Child { get; private set; }

        public Tonic? ChildBaseSeenInside { get; private set; }

        private void ttse__on_start()
        {
            Child = new Named();
            ChildBaseSeenInside = Child.Parent;
        }

        private void ttsc__quit() => Finish();
    }

    /// <summary>A tonic whose constructor takes a leading string that is not its name.</summary>
    private sealed partial class Greeter : Tonic
    {
        public Greeter(string greeting)
        {
            Greeting = greeting;
        }

        public string Greeting { get; }

        private void ttsc__greet() => Greeted = Greeting;

        public string? Greeted { get; private set; }
    }

    private sealed class StartingFormula : Formula
    {
        public StartingFormula()
            : base(new FormulaOptions { TimeProvider = new VirtualClock() })
        {
        }

        public Parent? Created { get; private set; }

        protected override void CreateStartingTonics() => Created = new Parent();
    }

    [Fact]
    public void L01_main_catalyst_has_id_0_and_its_name_and_tonics_take_the_next_ids()
    {
        var distiller = new Distiller();
        var ess1 = distiller.Spawn(() => new Named("Ess1"));
        var ess2 = distiller.Spawn(() => new Named("Ess2"));
        var main = distiller.Formula.MainCatalyst!;

        Assert.Equal(0, main.Id);
        Assert.Equal("tt_main_catalyst", main.Name);
        Assert.Null(main.Parent);
        Assert.True(main.IsMain);
        Assert.Equal(1, ess1.Id);
        Assert.Equal(2, ess2.Id);
        Assert.NotEqual(ess1.Id, ess2.Id);
        Assert.Same(ess1, distiller.Ledger.Find("Ess1"));
        Assert.Same(ess2, distiller.Ledger.Find(2));
        Assert.Same(main, distiller.Ledger.Find("tt_main_catalyst"));
        Assert.Equal(3, distiller.Ledger.Count);
        Assert.Equal([main, ess1, ess2], distiller.Ledger.Snapshot());
    }

    [Fact]
    public void L02_a_child_created_in_a_sparkle_is_bound_to_its_parent_and_finishes_with_it()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();
        var child = parent.Child!;

        Assert.Same(parent, child.Parent);
        Assert.Same(parent, parent.ChildBaseSeenInside);
        Assert.Contains(child, parent.Infusions);
        Assert.Same(parent.Catalyst, child.Catalyst);
        Assert.True(child.Started);

        parent.Finish();

        // Fix of the Python synchronous finish: a finish is queued, nothing happens inline.
        Assert.False(parent.IsFinishing);
        Assert.Same(child, distiller.Ledger.Find(child.Id));

        distiller.RunUntilIdle();
        Assert.True(parent.IsCompleted);
        Assert.True(child.IsCompleted);
        Assert.Null(distiller.Ledger.Find(parent.Id));
        Assert.Null(distiller.Ledger.Find(child.Id));
        Assert.Empty(parent.Infusions);
    }

    [Fact]
    public void L03_a_new_tonic_reuses_the_lowest_free_id_and_its_default_name_shows_it()
    {
        var distiller = new Distiller();
        var first = distiller.Spawn(() => new Named());
        var keeper = distiller.Spawn(() => new Named());
        distiller.RunUntilIdle();
        Assert.Equal(1, first.Id);
        Assert.Equal("01.Named", first.Name);
        Assert.Equal("02.Named", keeper.Name);

        first.Quit();
        distiller.RunUntilIdle();
        Assert.True(first.IsCompleted);
        Assert.Null(distiller.Ledger.Find("01.Named"));

        var reused = distiller.Spawn(() => new Named());
        var next = distiller.Spawn(() => new Named());
        Assert.Equal(1, reused.Id);
        Assert.Equal("01.Named", reused.Name);
        Assert.Same(reused, distiller.Ledger.Find("01.Named"));
        Assert.Equal(3, next.Id);
        Assert.Equal("03.Named", next.Name);
    }

    [Fact]
    public void L04_a_duplicate_live_name_is_rejected_and_leaves_nothing_behind()
    {
        var distiller = new Distiller();
        var keeper = distiller.Spawn(() => new Named("keeper"));
        var first = distiller.Spawn(() => new Named("dup"));
        var countBefore = distiller.Ledger.Count;
        var bound = distiller.Formula.MainCatalyst!.BoundTonicCount;

        var ex = Assert.Throws<InvalidOperationException>(() => distiller.Spawn(() => new Named("dup")));

        Assert.Contains("'dup'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(countBefore, distiller.Ledger.Count);
        Assert.Equal(bound, distiller.Formula.MainCatalyst!.BoundTonicCount);
        Assert.Same(first, distiller.Ledger.Find("dup"));

        // Once the first has left, the name is free again, and the new owner keeps its entry.
        first.Quit();
        distiller.RunUntilIdle();
        Assert.True(first.IsCompleted);
        Assert.Null(distiller.Ledger.Find("dup"));
        var second = distiller.Spawn(() => new Named("dup"));
        distiller.RunUntilIdle();
        Assert.Same(second, distiller.Ledger.Find("dup"));
        Assert.Same(keeper, distiller.Ledger.Find("keeper"));
    }

    [Fact]
    public void L05_a_reserved_name_keeps_its_id_for_the_tonic_created_with_that_name()
    {
        var distiller = new Distiller();
        distiller.Start();
        var ledger = distiller.Ledger;

        var reserved = ledger.Reserve("reserved_name");
        var other = distiller.Spawn(() => new Named());

        Assert.Equal(1, reserved);
        Assert.NotEqual(reserved, other.Id);
        Assert.Null(ledger.Find(reserved));
        Assert.Null(ledger.Find("reserved_name"));
        Assert.Equal(2, ledger.Count);
        Assert.Throws<InvalidOperationException>(() => ledger.Reserve("reserved_name"));

        var owner = distiller.Spawn(() => new Named("reserved_name"));

        Assert.Equal(reserved, owner.Id);
        Assert.Same(owner, ledger.Find("reserved_name"));
        Assert.Same(owner, ledger.Find(reserved));
        Assert.Equal(3, ledger.Count);
        Assert.Null(ledger.Find(999));
        Assert.Null(ledger.Find(-1));
        Assert.Throws<InvalidOperationException>(() => ledger.Reserve("reserved_name"));
    }

    [Fact]
    public void L06_the_base_is_the_main_catalyst_in_a_formula_step_the_running_tonic_in_a_sparkle_and_null_from_test_code()
    {
        var formula = new StartingFormula();
        var distiller = new Distiller(formula);
        var loner = distiller.Spawn(() => new Named("loner"));
        distiller.RunUntilIdle();
        var main = formula.MainCatalyst!;
        var parent = formula.Created!;

        Assert.Same(main, parent.Parent);
        Assert.Contains(parent, main.Infusions);
        Assert.Same(parent, parent.Child!.Parent);
        Assert.Same(parent.Catalyst, parent.Child.Catalyst);
        Assert.Null(loner.Parent);
        Assert.Same(main, loner.Catalyst);
        Assert.DoesNotContain(loner, main.Infusions);

        var explicitChild = distiller.Spawn(() => new Named("explicit"), parent);
        Assert.Same(parent, explicitChild.Parent);
        Assert.Contains(explicitChild, parent.Infusions);
    }

    [Fact]
    public void L06_creating_a_tonic_outside_any_sparkle_or_scope_is_an_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Named("orphan"));

        Assert.Contains("only be created inside a sparkle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void L06_creating_an_infusion_of_a_finishing_base_fails_without_leaving_a_registration()
    {
        var distiller = new Distiller();
        var keeper = distiller.Spawn(() => new Named("keeper"));
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();
        var child = parent.Child!;

        // Run the parent's finish but not the child's: the parent is finishing, its infusions are closed.
        parent.Finish();
        distiller.Run(1);
        Assert.True(parent.IsFinishing);
        Assert.False(parent.IsCompleted);
        var count = distiller.Ledger.Count;

        Assert.Throws<InvalidOperationException>(() => distiller.Spawn(() => new Named("late"), parent));

        Assert.Equal(count, distiller.Ledger.Count);
        Assert.Null(distiller.Ledger.Find("late"));
        distiller.RunUntilIdle();
        Assert.True(child.IsCompleted);
        Assert.True(parent.IsCompleted);
        Assert.Same(keeper, distiller.Ledger.Find("keeper"));
    }

    [Fact]
    public void L07_a_leading_string_constructor_argument_is_not_taken_as_the_name()
    {
        var distiller = new Distiller();
        var greeter = distiller.Spawn(() => new Greeter("hello"));
        greeter.Greet();
        distiller.RunUntilIdle();

        Assert.Equal($"{greeter.Id:00}.Greeter", greeter.Name);
        Assert.Null(distiller.Ledger.Find("hello"));
        Assert.Equal("hello", greeter.Greeted);
    }

    [Fact]
    public async Task Fix4_1_6_ledgers_are_per_formula_so_two_formulas_run_at_once()
    {
        var left = new Formula();
        var right = new Formula();
        Named? leftTonic = null;
        Named? rightTonic = null;
        left.AddStartingTonic(() => leftTonic = new Named("same"));
        right.AddStartingTonic(() => rightTonic = new Named("same"));

        var leftRun = left.RunAsync();
        var rightRun = right.RunAsync();

        Assert.NotSame(left.Ledger, right.Ledger);
        Assert.Equal(0, left.MainCatalyst!.Id);
        Assert.Equal(0, right.MainCatalyst!.Id);
        Assert.Same(leftTonic, left.Ledger.Find("same"));
        Assert.Same(rightTonic, right.Ledger.Find("same"));
        Assert.Same(left.Ledger, leftTonic!.Ledger);
        Assert.Same(right.Ledger, rightTonic!.Ledger);

        leftTonic.Quit();
        await leftRun.Within();
        Assert.True(leftTonic.IsCompleted);
        Assert.False(rightRun.IsCompleted);
        Assert.Same(rightTonic, right.Ledger.Find("same"));

        rightTonic.Quit();
        await rightRun.Within();
        Assert.Equal(0, left.Ledger.Count);
        Assert.Equal(0, right.Ledger.Count);
    }
}
