using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Testing;

public sealed partial class DistillerContractTests
{
    [TonicStates("init", "paused", "wait_on_timer", "finished_cycle")]
    private sealed partial class Device : Tonic
    {
        public Device(string name)
            : base(name)
        {
        }

        public int CycleCount { get; private set; }

        public List<string> Notes { get; } = [];

        private void ttse__on_start() => ToState(States.Init);

        private void ttse_init__on_enter() => ToState(States.Paused);

        private void ttsc_paused__start_timer(double delay)
        {
            _ = new SingleShotTimer(TimeSpan.FromSeconds(delay), name: "cycle");
            ToState(States.WaitOnTimer);
        }

        private void ttse_wait_on_timer__on_cycle()
        {
            CycleCount++;
            ToState(States.FinishedCycle);
        }

        private void ttsc__note(List<string> words)
        {
            Notes.AddRange(words);
            words.Clear();
        }

        private void ttsc__dut_finish() => Finish();
    }

    private static (Distiller Distiller, Device Fast, Device Slow) TwoDevices()
    {
        var distiller = new Distiller();
        Device? fast = null, slow = null;
        distiller.Formula.AddStartingTonic(() => fast = new Device("Device_Fast"));
        distiller.Formula.AddStartingTonic(() => slow = new Device("Device_Slow"));
        distiller.Start();
        return (distiller, fast!, slow!);
    }

    [Fact]
    public void D01_flow_with_a_timer_stops_on_state_then_sparkle_then_catalyst_finished()
    {
        var distiller = new Distiller();
        var dut = distiller.Spawn(() => new Device("dut"));

        var paused = distiller.RunUntilState("paused", TimeSpan.FromSeconds(1));
        Assert.True(paused.StoppedBecause(StopReasons.State));
        Assert.Equal("paused", dut.StateName);

        dut.StartTimer(2.0);
        distiller.RunUntilState("wait_on_timer");
        Assert.Equal("wait_on_timer", dut.StateName);

        var fired = distiller.RunUntilSparkle("ttse__on_cycle", TimeSpan.FromSeconds(5));
        Assert.True(fired.StoppedBecause(StopReasons.Sparkle));
        Assert.Equal("finished_cycle", dut.StateName);

        dut.DutFinish();
        var finished = distiller.RunUntilIdle(TimeSpan.FromSeconds(0.5));
        Assert.True(finished.StoppedBecause(StopReasons.CatalystFinished));
    }

    [Fact]
    public void D02_an_all_contract_is_met_when_every_tonic_matches_and_names_the_reasons()
    {
        var (distiller, fast, slow) = TwoDevices();
        var contract = new Contract()
            .For("Device_Fast", t => t.StateIn("paused"))
            .For("Device_Slow", t => t.StateIn("paused"))
            .MatchAll();

        var result = distiller.RunUntil(contract, TimeSpan.FromSeconds(2));

        Assert.True(result.StoppedBecause(StopReasons.Contract));
        var details = result.Contract!;
        Assert.True(details.IsMet);
        Assert.Equal(2, details.MatchCount);
        Assert.Equal(2, details.TargetCount);
        Assert.Equal(["state: 'paused'"], details.MatchedTonics["Device_Fast"]);
        Assert.Equal(["state: 'paused'"], details.MatchedTonics["Device_Slow"]);
        Assert.Equal("paused", fast.StateName);
        Assert.Equal("paused", slow.StateName);
    }

    [Fact]
    public void D03_an_any_contract_with_probes_stops_when_the_fast_device_has_cycled()
    {
        var (distiller, fast, slow) = TwoDevices();
        distiller.RunUntilIdle();
        fast.StartTimer(0.5);
        slow.StartTimer(2.5);
        var contract = new Contract()
            .For("Device_Fast", t => t.ProbeEquals(nameof(Device.CycleCount), 1))
            .For("Device_Slow", t => t.ProbeEquals(nameof(Device.CycleCount), 1L));

        var result = distiller.RunUntil(contract, TimeSpan.FromSeconds(5));

        Assert.True(result.StoppedBecause(StopReasons.Contract));
        Assert.Equal(["probe: CycleCount == 1"], Assert.Single(result.Contract!.MatchedTonics).Value);
        Assert.Equal((1, "finished_cycle"), (fast.CycleCount, fast.StateName));
        Assert.Equal((0, "wait_on_timer"), (slow.CycleCount, slow.StateName));
        var cycled = Assert.Single(result.Trace, t => t.Sparkle == "ttse__on_cycle");
        Assert.Equal(0, cycled.ProbesAtEnter[nameof(Device.CycleCount)]);
        Assert.Equal(1, cycled.ProbesAtExit[nameof(Device.CycleCount)]);
        Assert.True(cycled.ExitedAt >= cycled.EnteredAt);
    }

    [Fact]
    public void D04_a_contract_on_one_tonic_waits_for_the_slow_device()
    {
        var (distiller, fast, slow) = TwoDevices();
        distiller.RunUntilIdle();
        fast.StartTimer(0.5);
        slow.StartTimer(2.5);
        distiller.RunUntil(new Contract().For("Device_Fast", t => t.StateIn("finished_cycle")));

        var result = distiller.RunUntil(new Contract().For("Device_Slow", t => t.StateIn("finished_cycle").SparkleIn("ttse__on_cycle")));

        Assert.True(result.StoppedBecause(StopReasons.Contract));
        Assert.Equal(["state: 'finished_cycle'", "sparkle: 'ttse__on_cycle'"], result.Contract!.MatchedTonics["Device_Slow"]);
        Assert.Equal(1, slow.CycleCount);
        fast.DutFinish();
        slow.DutFinish();
        Assert.True(distiller.RunUntilIdle().StoppedBecause(StopReasons.CatalystFinished));
    }

    [Fact]
    public void D05_a_count_of_zero_runs_nothing_and_a_count_of_one_runs_exactly_one_work_order()
    {
        var distiller = new Distiller();
        var dut = distiller.Spawn(() => new Device("dut"));
        var queued = distiller.Formula.MainCatalyst!.QueuedWorkOrders;

        var none = distiller.Run(0);

        Assert.Equal(0, none.WorkOrders);
        Assert.Empty(none.Trace);
        Assert.True(none.StoppedBecause(StopReasons.Count));
        Assert.Equal(queued, distiller.Formula.MainCatalyst!.QueuedWorkOrders);
        Assert.False(dut.HasStarted);

        var one = distiller.Run(1);
        Assert.Equal(1, one.WorkOrders);
        Assert.Single(one.Trace, t => t.Depth == 0);
    }

    [Fact]
    public void D06_trace_entries_freeze_arguments_and_probes()
    {
        var distiller = new Distiller();
        var dut = distiller.Spawn(() => new Device("dut"));
        distiller.RunUntilIdle();
        dut.Note(["a", "b"]);

        var result = distiller.RunUntil(new Contract().Probe(nameof(Device.Notes), nameof(Device.CycleCount), "NoSuchMember"));

        var note = Assert.Single(result.Trace, t => t.Sparkle == "ttsc__note");
        Assert.Equal(new[] { "a", "b" }, Assert.IsType<List<string>>(note.Arguments));
        Assert.Empty(Assert.IsType<List<string>>(note.ProbesAtEnter[nameof(Device.Notes)]));
        Assert.Equal(new[] { "a", "b" }, Assert.IsType<List<string>>(note.ProbesAtExit[nameof(Device.Notes)]));
        Assert.Empty(dut.Notes.Except(["a", "b"]));
        Assert.False(note.ProbesAtEnter.ContainsKey("NoSuchMember"));
        Assert.Equal("paused", note.StateAtEnter);
        Assert.Contains("args=[\"a\", \"b\"]", note.ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void D07_conditions_are_checked_only_after_a_sparkle_and_unknown_tonics_never_match()
    {
        var distiller = new Distiller();
        distiller.Spawn(() => new Device("dut"));
        distiller.RunUntilIdle();

        var idle = distiller.RunUntilState("paused", TimeSpan.FromSeconds(1));
        Assert.False(idle.StoppedBecause(StopReasons.State));
        Assert.True(idle.StoppedBecause(StopReasons.Idle));

        var contract = new Contract().For("dut", t => t.StateIn("paused")).For("ghost", t => t.StateIn("paused")).MatchAll();
        distiller.Ledger.Find("dut")!.RequestState("paused", forceReenter: true);
        var result = distiller.RunUntil(contract, TimeSpan.FromSeconds(1));
        Assert.False(result.StoppedBecause(StopReasons.Contract));
        Assert.Equal(1, result.Contract!.MatchCount);
        Assert.Equal(2, result.Contract.TargetCount);
        Assert.False(result.Contract.MatchedTonics.ContainsKey("ghost"));
    }

    [Fact]
    public void D09_the_distiller_does_not_change_the_callers_contract()
    {
        var (distiller, _, _) = TwoDevices();
        var contract = new Contract().For("Device_Fast", t => t.StateIn("paused")).Match(1);

        distiller.RunUntil(contract);
        distiller.RunUntil(contract);

        Assert.Single(contract.Tonics);
        Assert.Empty(contract.Probes);
        Assert.Equal(1, contract.TargetCount);
        Assert.Empty(contract.Tonics[0].Probes);
    }

    [Fact]
    public void A_match_count_of_n_needs_n_tonics()
    {
        var (distiller, _, _) = TwoDevices();
        var contract = new Contract()
            .For("Device_Fast", t => t.StateIn("paused"))
            .For("Device_Slow", t => t.StateIn("paused"))
            .For("ghost", t => t.StateIn("paused"))
            .Match(2);

        var result = distiller.RunUntil(contract);

        Assert.True(result.StoppedBecause(StopReasons.Contract));
        Assert.Equal(2, result.Contract!.MatchCount);
        Assert.Equal("2/2 matched: Device_Fast [state: 'paused']; Device_Slow [state: 'paused']", result.Contract.ToString());
    }
}
