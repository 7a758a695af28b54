using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Behaviour reference §2.6 C-05 (exception in a sparkle) and §4.1 item 4: failures are reported, never fatal.</summary>
public sealed partial class FailureTests
{
    private sealed partial class Fragile : Tonic
    {
        public Fragile(string? name = null)
            : base(name)
        {
        }

        public ConcurrentQueue<string> Events { get; } = new();

        private void ttse__on_start() => ToState(States.Ok);

        private void ttse_ok__on_enter() => Events.Enqueue("enter ok");

        private void ttse_broken__on_enter() => Events.Enqueue("enter broken");

        private void ttsc__boom(string why) => throw new InvalidOperationException(why);

        private void ttsc__work(int n) => Events.Enqueue("work " + n);

        private void ttsc__boom_after_to_state()
        {
            ToState(States.Broken);
            throw new InvalidOperationException("after ToState");
        }

        private void ttsc__context_after_failure() => Events.Enqueue($"context {SparkleContext.Current.SparkleName} {SparkleContext.Current.Source}");

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Trigger : Tonic
    {
        private void ttsc__poke(Fragile target) => target.Boom("poked");
    }

    private sealed partial class FailingHooks : Tonic
    {
        public FailingHooks(string failIn)
        {
            FailIn = failIn;
        }

        public string FailIn { get; }

        public List<string> Events { get; } = [];

        private void ttse__on_start()
        {
            ToState(States.Run);
            Fail("on_start");
        }

        private void ttse_run__on_enter()
        {
            Events.Add("enter " + StateName);
            Fail("on_enter");
        }

        private void ttse_run__on_exit()
        {
            Events.Add("exit");
            Fail("on_exit");
        }

        private void ttse__on_finished()
        {
            Events.Add("finished");
            Fail("on_finished");
        }

        private void ttsc__work() => Events.Add("work in " + (StateName ?? "--"));

        private void Fail(string hook)
        {
            if (hook == FailIn)
            {
                throw new InvalidOperationException("failing in " + hook);
            }
        }
    }

    private sealed partial class Looper : Tonic
    {
        public int WorkRuns { get; private set; }

        private void ttse__on_start() => ToState(States.A);

        private void ttse_a__on_enter() => ToState(States.B);

        private void ttse_b__on_enter() => ToState(States.A);

        private void ttsc__work() => WorkRuns++;
    }

    private static (Distiller Distiller, Fragile Fragile, List<DeadLetter> Failures) StartFragile()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var fragile = distiller.Spawn(() => new Fragile("fragile"));
        distiller.RunUntilState("ok");
        return (distiller, fragile, failures);
    }

    [Fact]
    public void C05_a_throwing_sparkle_is_reported_with_tonic_sparkle_state_and_the_catalyst_goes_on()
    {
        var (distiller, fragile, failures) = StartFragile();

        fragile.Boom("first");
        fragile.Work(1);
        fragile.Boom("second");
        fragile.Work(2);
        var result = distiller.RunUntilIdle();

        Assert.Equal(["enter ok", "work 1", "work 2"], fragile.Events);
        Assert.Equal(2, failures.Count);
        Assert.Equal(2, distiller.Ledger.FailureCount);
        var first = failures[0];
        Assert.Same(fragile, first.Target);
        Assert.Equal("ttsc__boom", first.SparkleName);
        Assert.Equal("ok", first.StateName);
        Assert.Equal(SparkleSource.None, first.Source);
        Assert.Equal("first", Assert.IsType<InvalidOperationException>(first.Exception).Message);
        Assert.Equal("fragile.ttsc__boom from : Failed (InvalidOperationException: first)", first.ToString());
        Assert.Equal("second", failures[1].Exception!.Message);
        Assert.Equal(2, result.Trace.Count(t => t.Sparkle == "ttsc__boom" && t.Failure is InvalidOperationException));
        Assert.False(fragile.IsFinishing);
        Assert.Equal("ok", fragile.StateName);
        Assert.False(SparkleContext.Current.IsActive);
    }

    [Fact]
    public void C05_the_failure_names_the_tonic_and_sparkle_that_sent_the_failing_work_order()
    {
        var (distiller, fragile, failures) = StartFragile();
        var trigger = distiller.Spawn(() => new Trigger());
        distiller.RunUntilIdle();

        trigger.Poke(fragile);
        distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.Equal(new SparkleSource(trigger, "ttsc__poke", trigger.Id), failure.Source);
        Assert.Equal("poked", failure.Exception!.Message);
    }

    [Fact]
    public void C05_a_failed_sparkle_s_state_request_is_discarded()
    {
        var (distiller, fragile, failures) = StartFragile();

        fragile.BoomAfterToState();
        fragile.Work(1);
        distiller.RunUntilIdle();

        Assert.Single(failures);
        Assert.Equal("ok", fragile.StateName);
        Assert.Equal(["enter ok", "work 1"], fragile.Events);
    }

    [Fact]
    public void C05_after_a_failure_the_next_sparkle_sees_its_own_context()
    {
        var (distiller, fragile, _) = StartFragile();

        fragile.Boom("x");
        fragile.ContextAfterFailure();
        distiller.RunUntilIdle();

        Assert.Equal(["enter ok", "context ttsc__context_after_failure "], fragile.Events);
        Assert.False(SparkleContext.Current.IsActive);
        Assert.Null(SparkleContext.Current.Tonic);
    }

    [Theory]
    [InlineData("on_start", "ttse__on_start", null, new[] { "work in --", "finished" })]
    [InlineData("on_enter", "ttse_run__on_enter", "run", new[] { "enter run", "work in run", "exit", "finished" })]
    [InlineData("on_exit", "ttse_run__on_exit", "run", new[] { "enter run", "work in run", "exit", "finished" })]
    [InlineData("on_finished", "ttse__on_finished", null, new[] { "enter run", "work in run", "exit", "finished" })]
    public void C05_a_failing_lifecycle_hook_is_reported_and_the_lifecycle_goes_on(string failIn, string sparkle, string? state, string[] log)
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var keeper = distiller.Spawn(() => new Fragile("keeper"));
        var tonic = distiller.Spawn(() => new FailingHooks(failIn));
        distiller.RunUntilIdle();
        tonic.Work();
        distiller.RunUntilIdle();

        tonic.Finish();
        distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.Equal(sparkle, failure.SparkleName);
        Assert.Equal(state, failure.StateName);
        Assert.Equal("failing in " + failIn, failure.Exception!.Message);
        Assert.Equal(log, tonic.Events);
        Assert.True(tonic.IsCompleted);
        Assert.False(keeper.IsFinishing);
    }

    [Fact]
    public void C05_a_transition_loop_is_reported_instead_of_hanging_the_catalyst()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var looper = distiller.Spawn(() => new Looper());

        looper.Work();
        distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.Same(looper, failure.Target);
        Assert.Contains("transitions", failure.Exception!.Message, StringComparison.Ordinal);
        Assert.Equal(1, looper.WorkRuns);
    }

    [Fact]
    public async Task C05_failures_on_a_real_catalyst_never_fault_it_and_the_work_after_them_runs()
    {
        const int rounds = 200;
        var formula = new Formula();
        var failures = new ConcurrentQueue<DeadLetter>();
        formula.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Enqueue(f);
            }
        });
        Fragile? fragile = null;
        formula.AddStartingTonic(() => fragile = new Fragile());
        var run = formula.RunAsync();

        for (var i = 0; i < rounds; i++)
        {
            fragile!.Boom("boom " + i);
            fragile.Work(i);
        }

        fragile!.Quit();
        await run.Within();

        Assert.True(run.IsCompletedSuccessfully);
        Assert.True(formula.MainCatalyst!.Completion.IsCompletedSuccessfully);
        Assert.Equal(rounds, failures.Count);
        Assert.Equal(rounds, formula.Ledger.FailureCount);
        Assert.Equal(Enumerable.Range(0, rounds).Select(i => "work " + i), fragile.Events.Where(l => l.StartsWith("work", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(0, rounds).Select(i => "boom " + i), failures.Select(f => f.Exception!.Message));
    }

    [Fact]
    public void C05_without_a_handler_the_failure_is_logged_as_an_error()
    {
        var logs = new CapturingLoggerFactory();
        var distiller = new Distiller(new Formula(new FormulaOptions { LoggerFactory = logs, TimeProvider = new VirtualClock() }));
        var fragile = distiller.Spawn(() => new Fragile("fragile"));
        distiller.RunUntilIdle();

        fragile.Boom("unhandled");
        fragile.Work(1);
        distiller.RunUntilIdle();

        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(typeof(Fragile).FullName, entry.Category);
        Assert.Equal("unhandled", entry.Exception!.Message);
        Assert.Contains("fragile.ttsc__boom [ok] failed", entry.Message, StringComparison.Ordinal);
        Assert.Contains("work 1", fragile.Events);
        Assert.Equal(1, distiller.Ledger.FailureCount);
    }

    [Fact]
    public void C05_a_throwing_failure_handler_does_not_stop_the_catalyst()
    {
        var logs = new CapturingLoggerFactory();
        var distiller = new Distiller(new Formula(new FormulaOptions { LoggerFactory = logs, TimeProvider = new VirtualClock() }));
        distiller.Ledger.DeadLetters.Subscribe(_ => throw new InvalidOperationException("bad handler"));
        var fragile = distiller.Spawn(() => new Fragile("fragile"));
        distiller.RunUntilIdle();

        fragile.Boom("original");
        fragile.Work(1);
        distiller.RunUntilIdle();

        Assert.Contains("work 1", fragile.Events);
        Assert.Contains(logs.Entries, e => e.Exception?.Message == "bad handler");
        Assert.Contains(logs.Entries, e => e.Exception?.Message == "original");
        Assert.Equal(1, distiller.Ledger.FailureCount);
    }
}
