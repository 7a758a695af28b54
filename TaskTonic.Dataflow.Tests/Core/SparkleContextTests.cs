using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Issue point 5 (sparkle context), behaviour reference §1.2 and T-09, §4.1 items 4 and 11.</summary>
public sealed partial class SparkleContextTests
{
    private sealed record Seen(string Where, Tonic? Tonic, string SparkleName, SparkleSource Source, Ledger? Ledger, bool IsActive, int Thread);

    private sealed partial class Observer : Tonic
    {
        public Observer(string? name = null)
            : base(name)
        {
        }

        public ConcurrentQueue<Seen> Seen { get; } = new();

        public TaskCompletionSource DoneSignal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void Record(string where)
        {
            var context = SparkleContext.Current;
            Seen.Enqueue(new Seen(where, context.Tonic, context.SparkleName, context.Source, context.Ledger, context.IsActive, Environment.CurrentManagedThreadId));
        }

        private void ttse__on_start()
        {
            Record("on_start");
            ToState(States.Watching);
        }

        private void ttse_watching__on_enter() => Record("on_enter");

        private void ttse__on_exit() => Record("on_exit");

        private void ttse__on_finished() => Record("on_finished");

        private void ttsc__probe() => Record("probe");

        private void ttse__on_relay(Observer next) => next.Probe();

        private void ttsc__log_something() => Log("hello", LogLevel.Warning);

        private void ttsc__done() => DoneSignal.SetResult();
    }

    private sealed class ContextFormula() : Formula(new FormulaOptions { TimeProvider = new VirtualClock() })
    {
        public SparkleContext InStep { get; private set; }

        protected override void CreateStartingTonics() => InStep = SparkleContext.Current;
    }

    [Fact]
    public void Context_outside_any_sparkle_is_inactive()
    {
        var context = SparkleContext.Current;

        Assert.False(context.IsActive);
        Assert.Null(context.Tonic);
        Assert.Null(context.Ledger);
        Assert.Equal(string.Empty, context.SparkleName);
        Assert.Equal(SparkleSource.None, context.Source);
    }

    [Fact]
    public void Context_in_a_command_names_the_tonic_the_sparkle_and_its_source()
    {
        var distiller = new Distiller();
        var observer = distiller.Spawn(() => new Observer());
        distiller.RunUntilIdle();
        observer.Seen.Clear();

        observer.Probe();
        distiller.RunUntilIdle();

        var seen = Assert.Single(observer.Seen);
        Assert.True(seen.IsActive);
        Assert.Same(observer, seen.Tonic);
        Assert.Equal("ttsc__probe", seen.SparkleName);
        Assert.Equal(SparkleSource.None, seen.Source);
        Assert.Same(distiller.Ledger, seen.Ledger);
        Assert.False(SparkleContext.Current.IsActive);
    }

    [Fact]
    public void Context_in_lifecycle_hooks_names_the_hook_and_the_work_order_s_source()
    {
        var distiller = new Distiller();
        var observer = distiller.Spawn(() => new Observer());
        distiller.RunUntilIdle();
        observer.Finish();
        distiller.RunUntilIdle();

        var seen = observer.Seen.ToList();
        Assert.Equal(["on_start", "on_enter", "on_exit", "on_finished"], seen.Select(s => s.Where));
        Assert.Equal(["ttse__on_start", "ttse__on_enter", "ttse__on_exit", "ttse__on_finished"], seen.Select(s => s.SparkleName));
        Assert.All(seen, s => Assert.Same(observer, s.Tonic));
        var start = new SparkleSource(observer, "__init__", observer.Id);
        Assert.Equal(start, seen[0].Source);
        Assert.Equal(start, seen[1].Source);
        Assert.Equal(SparkleSource.None, seen[2].Source);
        Assert.Equal(SparkleSource.None, seen[3].Source);
    }

    [Fact]
    public void T09_context_in_a_sparkle_sent_by_another_tonic_names_the_sender()
    {
        var distiller = new Distiller();
        var first = distiller.Spawn(() => new Observer("first"));
        var second = distiller.Spawn(() => new Observer("second"));
        distiller.RunUntilIdle();
        second.Seen.Clear();

        first.NotifyRelay(second);
        distiller.RunUntilIdle();

        var seen = Assert.Single(second.Seen);
        Assert.Same(second, seen.Tonic);
        Assert.Equal(new SparkleSource(first, "ttse__on_relay", first.Id), seen.Source);
        Assert.Equal("first.ttse__on_relay", seen.Source.ToString());
    }

    [Fact]
    public void Context_in_a_formula_step_is_the_main_catalyst_and_in_a_spawn_scope_the_given_base()
    {
        var formula = new ContextFormula();
        var distiller = new Distiller(formula);
        distiller.Start();

        Assert.True(formula.InStep.IsActive);
        Assert.Same(formula.MainCatalyst, formula.InStep.Tonic);
        Assert.Equal("__formula__", formula.InStep.SparkleName);
        Assert.Same(formula.Ledger, formula.InStep.Ledger);

        var parent = distiller.Spawn(() => new Observer("parent"));
        SparkleContext inRoot = default;
        SparkleContext inChild = default;
        var root = distiller.Ledger.Spawn(() =>
        {
            inRoot = SparkleContext.Current;
            return new Observer("root");
        });
        var child = distiller.Ledger.Spawn(
            () =>
            {
                inChild = SparkleContext.Current;
                return new Observer("child");
            },
            parent);

        Assert.True(inRoot.IsActive);
        Assert.Null(inRoot.Tonic);
        Assert.Equal("__spawn__", inRoot.SparkleName);
        Assert.Same(distiller.Ledger, inRoot.Ledger);
        Assert.Null(root.Parent);
        Assert.Same(parent, inChild.Tonic);
        Assert.Same(parent, child.Parent);
        Assert.False(SparkleContext.Current.IsActive);
    }

    [Fact]
    public async Task Context_on_a_real_catalyst_belongs_to_the_catalyst_thread_only()
    {
        var formula = new Formula();
        Observer? observer = null;
        formula.AddStartingTonic(() => observer = new Observer());
        var run = formula.RunAsync();
        observer!.Probe();
        observer.Done();
        await observer.DoneSignal.Task.Within();

        Assert.False(SparkleContext.Current.IsActive);
        var probe = observer.Seen.Single(s => s.Where == "probe");
        Assert.True(probe.IsActive);
        Assert.Same(observer, probe.Tonic);
        Assert.Equal("ttsc__probe", probe.SparkleName);
        Assert.Same(formula.Ledger, probe.Ledger);

        observer.Finish();
        await run.Within();
    }

    [Fact]
    public void Context_reaches_the_log_line_with_tonic_state_and_sparkle()
    {
        var logs = new CapturingLoggerFactory();
        var distiller = new Distiller(new Formula(new FormulaOptions { LoggerFactory = logs, TimeProvider = new VirtualClock() }));
        var observer = distiller.Spawn(() => new Observer("obs"));
        distiller.RunUntilIdle();

        observer.LogSomething();
        distiller.RunUntilIdle();

        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("obs[watching].ttsc__log_something: hello", entry.Message);
        Assert.Equal(typeof(Observer).FullName, entry.Category);
    }
}
