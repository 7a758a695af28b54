using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Behaviour reference §2.4 (state machine) and §4.1 items 7 and 8.</summary>
public sealed partial class StateMachineTests
{
    private sealed partial class Machine : Tonic
    {
        public List<string> Events { get; } = [];

        public string? StateSeenInOnStart { get; private set; } = "unset";

        private void ttse__on_start()
        {
            ToState(States.Idle);
            StateSeenInOnStart = StateName;
        }

        private void ttse_idle__on_enter() => Events.Add("enter_idle");

        private void ttse_idle__on_exit() => Events.Add("exit_idle");

        private void ttse_active__on_enter() => Events.Add("enter_active");

        private void ttse_active__on_exit() => Events.Add("exit_active");

        private void ttsc__reenter() => ReenterState();

        private void ttsc__go(string state, bool force) => ToState(state, force);
    }

    [TonicStates("b")]
    private sealed partial class Chain : Tonic
    {
        public Chain(List<string> log)
        {
            Events = log;
        }

        public List<string> Events { get; }

        private void ttse__on_start()
        {
            Events.Add("on_start");
            ToState(States.A);
        }

        private void ttse_a__on_enter()
        {
            Events.Add("enter a");
            ToState(States.B);
        }

        private void ttse__on_exit() => Events.Add("exit " + StateName);

        private void ttse__on_enter() => Events.Add("enter " + StateName);

        private void ttsc__q() => Events.Add("q " + StateName);
    }

    private sealed partial class Other : Tonic
    {
        public Other(List<string> log)
        {
            Events = log;
        }

        public List<string> Events { get; }

        private void ttsc__q() => Events.Add("other q");
    }

    [TonicStates("c")]
    private sealed partial class Hooks : Tonic
    {
        public List<string> Events { get; } = [];

        private void ttse__on_start() => ToState(States.B);

        private void ttse__on_enter() => Events.Add("enter " + StateName);

        private void ttse__on_exit() => Events.Add("exit " + StateName);

        private void ttse_b__on_exit() => Events.Add("exit_b specific");

        private void ttsc__to_c() => ToState(States.C);
    }

    [TonicStates("a", "b", "c")]
    private sealed partial class Abc : Tonic
    {
        public List<string> Events { get; } = [];

        public List<Exception> Errors { get; } = [];

        private void ttse__on_enter() => Events.Add("enter " + StateName);

        private void ttse__on_exit() => Events.Add("exit " + StateName);

        private void ttsc__to(int state) => ToState(state);

        private void ttsc__to_name(string state) => ToState(state);

        private void ttsc__twice(string first, string second)
        {
            ToState(first);
            ToState(second);
        }

        private void ttsc__try_invalid()
        {
#pragma warning disable TTDF019 // invalid constants on purpose: the run-time check is under test
            foreach (var attempt in new Action[] { () => ToState("nope"), () => ToState(99), () => ToState(-2) })
#pragma warning restore TTDF019
            {
                try
                {
                    attempt();
                }
                catch (ArgumentException ex)
                {
                    Errors.Add(ex);
                }
            }
        }

        private void ttsc__stop() => ToState(NoState);

        /// <summary>Calls the protected <c>ToState</c> from wherever the caller runs.</summary>
        public void ToStateFromHere(int state) => ToState(state);
    }

    private sealed partial class Meddler : Tonic
    {
        public Meddler(Abc victim)
        {
            Victim = victim;
        }

        public Abc Victim { get; }

        public Exception? Error { get; private set; }

        private void ttsc__meddle()
        {
            try
            {
                Victim.ToStateFromHere(0);
            }
            catch (InvalidOperationException ex)
            {
                Error = ex;
            }
        }
    }

    private static (Distiller Distiller, Machine Machine) StartMachine()
    {
        var distiller = new Distiller();
        var machine = distiller.Spawn(() => new Machine());
        var result = distiller.RunUntilState("idle");
        Assert.True(result.StoppedBecause(StopReasons.State));
        return (distiller, machine);
    }

    private static (Distiller Distiller, Abc Tonic) StartAbc(string? state)
    {
        var distiller = new Distiller();
        var tonic = distiller.Spawn(() => new Abc());
        distiller.RunUntilIdle();
        if (state is not null)
        {
            tonic.RequestState(state);
            distiller.RunUntilIdle();
            Assert.Equal(state, tonic.StateName);
        }

        tonic.Events.Clear();
        return (distiller, tonic);
    }

    [Fact]
    public void S01_on_start_enters_the_first_state_and_the_change_is_deferred()
    {
        var distiller = new Distiller();
        var machine = distiller.Spawn(() => new Machine());

        var result = distiller.RunUntilState("idle");

        Assert.True(result.StoppedBecause(StopReasons.State));
        Assert.Equal(["enter_idle"], machine.Events);
        Assert.Null(machine.StateSeenInOnStart);
        Assert.Equal("idle", machine.StateName);
        Assert.Equal(Machine.States.Idle, machine.State);
        Assert.DoesNotContain(result.Trace, t => t.Sparkle == "ttse__on_exit");
    }

    [Fact]
    public void S02_a_transition_runs_the_old_exit_then_the_new_enter()
    {
        var (distiller, machine) = StartMachine();

        machine.RequestState("active");
        var result = distiller.RunUntilState("active");

        Assert.True(result.StoppedBecause(StopReasons.State));
        Assert.Equal(["enter_idle", "exit_idle", "enter_active"], machine.Events);
        Assert.Equal("active", machine.StateName);
    }

    [Fact]
    public void S03_a_request_for_the_current_state_does_nothing()
    {
        var (distiller, machine) = StartMachine();
        machine.RequestState("active");
        distiller.RunUntilIdle();
        machine.Events.Clear();

        machine.RequestState("active");
        machine.Go("active", false);
        var result = distiller.RunUntilIdle();

        Assert.Empty(machine.Events);
        Assert.Equal("active", machine.StateName);
        Assert.Equal(["ttsc__to_state", "ttsc__go"], result.SparkleNames);
    }

    [Fact]
    public void S04_a_forced_reenter_runs_exit_and_enter_of_the_same_state()
    {
        var (distiller, machine) = StartMachine();
        machine.RequestState("active");
        distiller.RunUntilIdle();
        machine.Events.Clear();

        machine.Reenter();
        distiller.RunUntilIdle();
        Assert.Equal(["exit_active", "enter_active"], machine.Events);
        Assert.Equal("active", machine.StateName);

        machine.RequestState("active", forceReenter: true);
        machine.Go("active", true);
        distiller.RunUntilIdle();
        Assert.Equal(["exit_active", "enter_active", "exit_active", "enter_active", "exit_active", "enter_active"], machine.Events);
        Assert.Equal("active", machine.StateName);
    }

    [Fact]
    public void S04_reenter_without_a_state_does_nothing()
    {
        var (distiller, machine) = StartMachine();
        machine.RequestState(Tonic.NoState);
        distiller.RunUntilIdle();
        machine.Events.Clear();

        machine.Reenter();
        distiller.RunUntilIdle();

        Assert.Empty(machine.Events);
        Assert.Equal(Tonic.NoState, machine.State);
    }

    [Fact]
    public void S05_transitions_complete_before_the_next_queued_item()
    {
        var log = new List<string>();
        var distiller = new Distiller();
        var other = distiller.Spawn(() => new Other(log));
        distiller.RunUntilIdle();

        var chain = distiller.Spawn(() => new Chain(log));
        other.Q();
        chain.Q();
        var result = distiller.RunUntilIdle();

        Assert.Equal(["on_start", "enter a", "exit a", "enter b", "other q", "q b"], log);
        var hooks = result.Trace.Where(t => t.Tonic == chain && t.Sparkle.StartsWith("ttse__on_", StringComparison.Ordinal))
            .Select(t => $"{t.Sparkle}@{t.StateAtEnter}");
        Assert.Equal(["ttse__on_start@", "ttse__on_enter@a", "ttse__on_exit@a", "ttse__on_enter@b"], hooks);
        var lastHook = result.Trace.Last(t => t.Tonic == chain && t.Sparkle == "ttse__on_enter").Index;
        var otherQ = result.Trace.Single(t => t.Tonic == other && t.Sparkle == "ttsc__q").Index;
        Assert.True(lastHook < otherQ);
    }

    [Fact]
    public void S06_a_state_specific_hook_replaces_the_generic_one()
    {
        var distiller = new Distiller();
        var tonic = distiller.Spawn(() => new Hooks());
        distiller.RunUntilState("b");
        Assert.Equal(["enter b"], tonic.Events);

        tonic.ToC();
        distiller.RunUntilIdle();

        Assert.Equal(["enter b", "exit_b specific", "enter c"], tonic.Events);
    }

    [Fact]
    public void S07_an_invalid_target_is_an_error_that_lists_the_valid_states_and_changes_nothing()
    {
        var (distiller, tonic) = StartAbc("b");

        tonic.TryInvalid();
        distiller.RunUntilIdle();

        Assert.Equal(3, tonic.Errors.Count);
        var byName = Assert.IsType<ArgumentException>(tonic.Errors[0]);
        Assert.Contains("'nope'", byName.Message, StringComparison.Ordinal);
        Assert.Contains("a, b, c", byName.Message, StringComparison.Ordinal);
        var byIndex = Assert.IsType<ArgumentOutOfRangeException>(tonic.Errors[1]);
        Assert.Contains("0 = a, 1 = b, 2 = c", byIndex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentOutOfRangeException>(tonic.Errors[2]);
        Assert.Equal("b", tonic.StateName);
        Assert.Empty(tonic.Events);
    }

    [Fact]
    public void S07_an_invalid_request_from_outside_throws_at_the_call_and_queues_nothing()
    {
        var (distiller, tonic) = StartAbc("b");
        var main = distiller.Formula.MainCatalyst!;

#pragma warning disable TTDF019 // invalid constants on purpose: the run-time check is under test
        var byName = Assert.Throws<ArgumentException>(() => tonic.RequestState("nope"));
        Assert.Contains("a, b, c", byName.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => tonic.RequestState(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => tonic.RequestState(-2));
#pragma warning restore TTDF019

        Assert.Equal(0, main.QueuedWorkOrders);
        Assert.Equal(0, distiller.RunUntilIdle().WorkOrders);
        Assert.Equal("b", tonic.StateName);
    }

    [Fact]
    public void S07_an_uncaught_invalid_target_is_reported_as_a_failure_of_the_sparkle()
    {
        var (distiller, tonic) = StartAbc("a");
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });

        tonic.ToName("nope");
        distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.Equal("ttsc__to_name", failure.SparkleName);
        Assert.Equal("a", failure.StateName);
        Assert.IsType<ArgumentException>(failure.Exception);
        Assert.Equal("a", tonic.StateName);
    }

    [Fact]
    public void S07_ToState_outside_the_tonics_own_sparkle_is_refused()
    {
        var (distiller, tonic) = StartAbc("a");
        var meddler = distiller.Spawn(() => new Meddler(tonic));

        var fromTest = Assert.Throws<InvalidOperationException>(() => tonic.ToStateFromHere(Abc.States.B));
        Assert.Contains("RequestState", fromTest.Message, StringComparison.Ordinal);

        meddler.Meddle();
        distiller.RunUntilIdle();

        Assert.IsType<InvalidOperationException>(meddler.Error);
        Assert.Equal("a", tonic.StateName);
        Assert.Empty(tonic.Events);
    }

    [Fact]
    public void S08_the_stop_state_runs_exit_without_enter_and_stopping_again_does_nothing()
    {
        var (distiller, tonic) = StartAbc("b");

        tonic.Stop();
        var first = distiller.RunUntilIdle();

        Assert.Equal(["exit b"], tonic.Events);
        Assert.Equal(Tonic.NoState, tonic.State);
        Assert.Null(tonic.StateName);
        Assert.DoesNotContain("ttse__on_enter", first.SparkleNames);

        tonic.Stop();
        var second = distiller.RunUntilIdle();

        Assert.Equal(["exit b"], tonic.Events);
        Assert.Equal(["ttsc__stop"], second.SparkleNames);
    }

    [Fact]
    public void S09_an_integer_target_indexes_the_sorted_state_list()
    {
        var (distiller, tonic) = StartAbc(null);
        Assert.Equal((0, 1, 2), (Abc.States.A, Abc.States.B, Abc.States.C));

        tonic.To(0);
        distiller.RunUntilIdle();
        Assert.Equal("a", tonic.StateName);

        tonic.RequestState(2);
        distiller.RunUntilIdle();
        Assert.Equal("c", tonic.StateName);
        Assert.Equal(["enter a", "exit a", "enter c"], tonic.Events);
    }

    [Fact]
    public void S10_of_several_requests_in_one_sparkle_the_last_one_wins()
    {
        var (distiller, tonic) = StartAbc("b");

        // The last request (b) is the current state, so nothing happens: Python would end in c.
        tonic.Twice("c", "b");
        distiller.RunUntilIdle();
        Assert.Equal("b", tonic.StateName);
        Assert.Empty(tonic.Events);

        // Only the last target is entered; the earlier request never runs.
        tonic.Twice("a", "c");
        distiller.RunUntilIdle();
        Assert.Equal("c", tonic.StateName);
        Assert.Equal(["exit b", "enter c"], tonic.Events);
    }

    [Fact]
    public void S10_the_same_request_twice_makes_exactly_one_transition()
    {
        var (distiller, tonic) = StartAbc("c");

        tonic.Twice("b", "b");
        distiller.RunUntilIdle();

        // Python runs the transition twice (exit c, enter b, exit b, enter b).
        Assert.Equal(["exit c", "enter b"], tonic.Events);
        Assert.Equal("b", tonic.StateName);
    }

    [Fact]
    public void S11_every_transition_is_traced_as_exit_in_the_old_state_and_enter_in_the_new_one()
    {
        var (distiller, tonic) = StartAbc("a");

        tonic.ToName("b");
        var change = distiller.RunUntilIdle();
        tonic.Stop();
        var stop = distiller.RunUntilIdle();

        Assert.Equal(
            ["ttsc__to_name a->a", "ttse__on_exit a->a", "ttse__on_enter b->b"],
            change.Trace.Select(t => $"{t.Sparkle} {t.StateAtEnter}->{t.StateAtExit}"));
        Assert.Equal(
            ["ttsc__stop b->b", "ttse__on_exit b->b"],
            stop.Trace.Select(t => $"{t.Sparkle} {t.StateAtEnter}->{t.StateAtExit}"));
        Assert.Null(tonic.StateName);
    }
}
