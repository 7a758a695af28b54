using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Issue 11 item 10: failures, logs and traces name the handler that ran (the state's own one when it has one).</summary>
public sealed partial class HandlerNameReportTests
{
    [TonicStates("locked", "open")]
    private sealed partial class Door : Tonic
    {
        public Door()
            : base(new TonicOptions { LogMode = LogMode.Full })
        {
        }

        private void ttsc__lock() => ToState(States.Locked);

        private void ttsc__open() => ToState(States.Open);

        private void ttse_locked__on_enter()
        {
            Log("locking");
            throw new InvalidOperationException("jammed");
        }

        private void ttsc_open__poke() => throw new InvalidOperationException("open poke");

        private void ttsc__poke() => throw new InvalidOperationException("generic poke");
    }

    private static (Distiller Distiller, Door Door, List<DeadLetter> Failures, CapturingLoggerFactory Logs) Start()
    {
        var logs = new CapturingLoggerFactory();
        var distiller = new Distiller(new Formula(new FormulaOptions { LoggerFactory = logs, TimeProvider = new VirtualClock() }));
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(f =>
        {
            if (f.Reason == DeadLetterReason.Failed)
            {
                failures.Add(f);
            }
        });
        var door = distiller.Spawn(() => new Door());
        distiller.RunUntilIdle();
        return (distiller, door, failures, logs);
    }

    [Fact]
    public void HN01_a_failing_state_enter_hook_is_reported_log_and_traced_under_its_own_name()
    {
        var (distiller, door, failures, logs) = Start();

        door.Lock();
        var result = distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.Equal("ttse_locked__on_enter", failure.SparkleName);
        Assert.Equal("locked", failure.StateName);
        Assert.Contains(logs.Entries, e => e.Message == $"{door.Name}[locked].ttse_locked__on_enter: locking");
        var hook = Assert.Single(result.Trace, e => e.Sparkle == "ttse__on_enter");
        Assert.Equal("ttse_locked__on_enter", hook.Handler);
        Assert.NotNull(hook.Failure);
    }

    [Fact]
    public void HN02_a_command_names_the_state_handler_in_its_state_and_the_generic_one_elsewhere()
    {
        var (distiller, door, failures, _) = Start();

        door.Poke();
        door.Open();
        door.Poke();
        distiller.RunUntilIdle();

        Assert.Equal(["ttsc__poke: generic poke", "ttsc_open__poke: open poke"], failures.Select(f => $"{f.SparkleName}: {f.Exception!.Message}"));
        Assert.Equal(["ttsc__poke", "ttsc__open", "ttsc_open__poke"], distiller.Trace.Where(e => e.Depth == 0 && !e.IsSystem).Select(e => e.Handler));
    }

    [Fact]
    public void HN03_RunUntilSparkle_stops_on_a_state_handler_name()
    {
        var (distiller, door, _, _) = Start();

        door.Open();
        door.Poke();
        door.Lock();
        var result = distiller.RunUntilSparkle("ttsc_open__poke");

        Assert.True(result.StoppedBecause(StopReasons.Sparkle));
        Assert.Equal("open", door.StateName);
    }
}
