using TaskTonic.Dataflow.Sparkles;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Behaviour reference §2.2 (sparkle discovery, queuing and dispatch) and §4.1 items 5, 11 and 13.</summary>
public sealed partial class DispatchTests
{
    /// <summary>The device under test of the Python distiller test (T-01).</summary>
    private sealed partial class Dut : Tonic
    {
        private void ttse_init__on_enter()
        {
        }

        private void ttsc_paused__start_timer(double delay) => _ = delay;

        private void ttse_wait_on_timer__on_timer()
        {
        }

        private void ttse_finished_cycle__on_enter()
        {
        }
    }

    private sealed partial class Counter : Tonic
    {
        public int Runs { get; private set; }

        private void ttsc__x() => Runs++;
    }

    private sealed partial class Recorder : Tonic
    {
        public Recorder(List<string> log, string name)
            : base(name)
        {
            Events = log;
        }

        public List<string> Events { get; }

        private void ttsc__a() => Events.Add($"{Name}.a");

        private void ttsc__b() => Events.Add($"{Name}.b");

        private void ttsc__c() => Events.Add($"{Name}.c");
    }

    [TonicStates("idle")]
    private sealed partial class Worker : Tonic
    {
        public List<string> Events { get; } = [];

        private void ttse__on_start() => ToState(States.Idle);

        private void ttsc__process_task() => Events.Add("process_default");

        private void ttsc_active__process_task() => Events.Add("process_active");
    }

    [TonicStates("a")]
    private sealed partial class OnlyInB : Tonic
    {
        public int Ran { get; private set; }

        private void ttse__on_start() => ToState(States.A);

        private void ttse_b__only_b() => Ran++;
    }

    private sealed partial class Link : Tonic
    {
        public List<string> Events { get; } = [];

        private void ttse__on_start() => ToState(States.Connected);

        private void ttsc__disconnect() => ToState(States.Offline);

        private void ttsc_connected__send(string message) => Events.Add("online:" + message);

        private void ttsc_offline__send(string message) => Events.Add("offline:" + message);
    }

    [TonicStates("a", "b")]
    private sealed partial class Stateless : Tonic
    {
        public List<string> Events { get; } = [];

        private void ttsc__x() => Events.Add("generic x");

        private void ttsc_c__x() => Events.Add("c x");

        private void ttsc_c__y() => Events.Add("c y");
    }

    private sealed partial class Ponger : Tonic
    {
        public List<SparkleSource> Seen { get; } = [];

        private void ttse__ping() => Seen.Add(SparkleContext.Current.Source);
    }

    private sealed partial class Pinger : Tonic
    {
        public Pinger(Ponger target)
        {
            Target = target;
        }

        public Ponger Target { get; }

        private void ttsc__go() => Target.NotifyPing();

        private void ttsc__enter_first() => ToState(States.First);

        private void ttse_first__on_enter() => Target.NotifyPing();
    }

    /// <summary>Counts overlapping executions across every tonic that shares it.</summary>
    private sealed class OverlapProbe
    {
        private int _inside;
        private int _overlaps;

        public int Overlaps => Volatile.Read(ref _overlaps);

        public void Enter()
        {
            if (Interlocked.Increment(ref _inside) > 1)
            {
                Interlocked.Increment(ref _overlaps);
            }
        }

        public void Exit() => Interlocked.Decrement(ref _inside);
    }

    private sealed partial class Sink : Tonic
    {
        public Sink(OverlapProbe probe, string name)
            : base(name)
        {
            Probe = probe;
        }

        public OverlapProbe Probe { get; }

        public List<(int Sender, int Sequence)> Received { get; } = [];

        private void ttse__on_item(int sender, int sequence)
        {
            Probe.Enter();
            Received.Add((sender, sequence));
            Thread.SpinWait(20);
            Probe.Exit();
        }

        private void ttsc__done() => Finish();
    }

    [Fact]
    public void T01_states_are_discovered_alphabetically_and_sparkles_get_entry_points()
    {
        var distiller = new Distiller();
        var dut = distiller.Spawn(() => new Dut());
        var descriptor = dut.Descriptor;

        Assert.Equal(["finished_cycle", "init", "paused", "wait_on_timer"], descriptor.States);
        Assert.Equal(0, Dut.States.FinishedCycle);
        Assert.Equal(1, Dut.States.Init);
        Assert.Equal(2, Dut.States.Paused);
        Assert.Equal(3, Dut.States.WaitOnTimer);
        Assert.Equal(typeof(Dut), descriptor.TonicType);

        Assert.Equal(["ttse__on_start", "ttse__on_enter", "ttse__on_exit", "ttse__on_finished", "ttse__on_infusion_completed"],
            descriptor.Sparkles.Take(5).Select(s => s.Name));
        Assert.All(descriptor.Sparkles.Take(5), s => Assert.Equal(SparkleKind.Hook, s.Kind));
        Assert.Equal(TonicDescriptor.OnEnter, descriptor.FindSparkle("ttse__on_enter"));

        var startTimer = descriptor.Sparkles[descriptor.FindSparkle("ttsc__start_timer")];
        Assert.Equal(SparkleKind.Command, startTimer.Kind);
        Assert.Equal("StartTimer", startTimer.EntryPoint);
        Assert.Equal([typeof(double)], startTimer.ParameterTypes);
        Assert.Equal(descriptor.FindSparkle("ttsc__start_timer"), descriptor.FindSparkle("StartTimer"));

        var onTimer = descriptor.Sparkles[descriptor.FindSparkle("ttse__on_timer")];
        Assert.Equal(SparkleKind.Event, onTimer.Kind);
        Assert.Equal("NotifyTimer", onTimer.EntryPoint);

        // Traces use interface names: the state-specific method names are not sparkles of their own.
        Assert.Equal(-1, descriptor.FindSparkle("ttsc_paused__start_timer"));
        Assert.Equal(7, descriptor.Sparkles.Count);
        Assert.Equal(descriptor.Sparkles.Count, descriptor.Sparkles.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void T02_calling_an_entry_point_only_queues_the_sparkle()
    {
        var distiller = new Distiller();
        var counter = distiller.Spawn(() => new Counter());
        distiller.RunUntilIdle();
        var queued = distiller.Formula.MainCatalyst!.QueuedWorkOrders;

        counter.X();

        Assert.Equal(0, counter.Runs);
        Assert.Equal(queued + 1, distiller.Formula.MainCatalyst!.QueuedWorkOrders);

        var result = distiller.Run(1);

        Assert.Equal(1, counter.Runs);
        Assert.True(result.StoppedBecause(StopReasons.Count));
        var entry = Assert.Single(result.Trace);
        Assert.Equal("ttsc__x", entry.Sparkle);
        Assert.Same(counter, entry.Tonic);
        Assert.Equal(SparkleSource.None, entry.Source);
        Assert.Null(entry.Source.Tonic);
        Assert.Equal(-1, entry.Source.TonicId);
        Assert.Equal(string.Empty, entry.Source.SparkleName);
    }

    [Fact]
    public void T03_work_orders_of_tonics_sharing_a_catalyst_run_in_posting_order()
    {
        var log = new List<string>();
        var distiller = new Distiller();
        var first = distiller.Spawn(() => new Recorder(log, "p"));
        var second = distiller.Spawn(() => new Recorder(log, "q"));
        distiller.RunUntilIdle();
        Assert.Same(first.Catalyst, second.Catalyst);

        first.A();
        second.B();
        first.C();
        second.A();
        first.B();
        distiller.RunUntilIdle();

        Assert.Equal(["p.a", "q.b", "p.c", "q.a", "p.b"], log);
    }

    [Fact]
    public async Task T03_on_a_real_catalyst_each_sender_is_fifo_and_nothing_overlaps()
    {
        const int senders = 4;
        const int perSender = 2_000;
        var probe = new OverlapProbe();
        var formula = new Formula();
        Sink? left = null;
        Sink? right = null;
        formula.AddStartingTonic(() => left = new Sink(probe, "left"));
        formula.AddStartingTonic(() => right = new Sink(probe, "right"));
        var run = formula.RunAsync();

        var posting = Enumerable.Range(0, senders).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < perSender; i++)
            {
                left!.NotifyItem(sender, i);
                right!.NotifyItem(sender, i);
            }
        }));
        await Task.WhenAll(posting).Within();
        left!.Done();
        right!.Done();
        await run.Within();

        Assert.Equal(0, probe.Overlaps);
        foreach (var sink in new[] { left, right! })
        {
            Assert.Equal(senders * perSender, sink.Received.Count);
            foreach (var group in sink.Received.GroupBy(r => r.Sender))
            {
                Assert.Equal(Enumerable.Range(0, perSender), group.Select(r => r.Sequence));
            }
        }
    }

    [Fact]
    public void T04_the_state_specific_handler_replaces_the_generic_one_and_traces_keep_the_interface_name()
    {
        var distiller = new Distiller();
        var worker = distiller.Spawn(() => new Worker());
        distiller.RunUntilState("idle");

        worker.ProcessTask();
        var idle = distiller.RunUntilIdle();
        Assert.Equal(["process_default"], worker.Events);

        worker.RequestState("active");
        worker.ProcessTask();
        var active = distiller.RunUntilSparkle("ttsc__process_task");

        Assert.Equal(["process_default", "process_active"], worker.Events);
        Assert.True(active.StoppedBecause(StopReasons.Sparkle));
        Assert.Contains("ttsc__process_task", idle.SparkleNames);
        Assert.Contains("ttsc__process_task", active.SparkleNames);
        Assert.DoesNotContain(distiller.Trace, t => t.Sparkle.StartsWith("ttsc_active", StringComparison.Ordinal));
        Assert.Equal(-1, worker.Descriptor.FindSparkle("ttsc_active__process_task"));
    }

    [Fact]
    public void T05_a_sparkle_without_a_handler_for_the_current_state_is_a_traced_no_op()
    {
        var distiller = new Distiller();
        var tonic = distiller.Spawn(() => new OnlyInB());
        distiller.RunUntilState("a");

        tonic.NotifyOnlyB();
        var result = distiller.RunUntilIdle();

        Assert.Equal(0, tonic.Ran);
        Assert.Equal(0, distiller.Ledger.FailureCount);
        var entry = Assert.Single(result.Trace, t => t.Sparkle == "ttse__only_b");
        Assert.Null(entry.Failure);
        Assert.Equal("a", entry.StateAtEnter);
    }

    [Fact]
    public void T06_the_handler_is_chosen_by_the_state_when_the_sparkle_runs_not_when_it_is_queued()
    {
        var distiller = new Distiller();
        var link = distiller.Spawn(() => new Link());
        distiller.RunUntilState("connected");

        link.Disconnect();
        link.Send("x");
        Assert.Equal("connected", link.StateName);
        distiller.RunUntilIdle();

        Assert.Equal(["offline:x"], link.Events);
        Assert.Equal("offline", link.StateName);
    }

    [Fact]
    public void T07_without_a_state_the_generic_handler_runs_and_a_state_only_sparkle_is_a_no_op()
    {
        var distiller = new Distiller();
        var tonic = distiller.Spawn(() => new Stateless());
        distiller.RunUntilIdle();
        Assert.Equal(Tonic.NoState, tonic.State);
        Assert.Null(tonic.StateName);
        Assert.Equal(["a", "b", "c"], tonic.Descriptor.States);

        tonic.X();
        tonic.Y();
        distiller.RunUntilIdle();

        // Python picks the last alphabetical state's handler (c) for state -1.
        Assert.Equal(["generic x"], tonic.Events);
        Assert.Equal(0, distiller.Ledger.FailureCount);
    }

    [Fact]
    public void T09_a_work_order_carries_the_sending_tonic_and_sparkle_as_its_source()
    {
        var distiller = new Distiller();
        var ponger = distiller.Spawn(() => new Ponger());
        var pinger = distiller.Spawn(() => new Pinger(ponger));
        distiller.RunUntilIdle();

        pinger.Go();
        var result = distiller.RunUntilIdle();

        var expected = new SparkleSource(pinger, "ttsc__go", pinger.Id);
        Assert.Equal([expected], ponger.Seen);
        Assert.Equal(expected, Assert.Single(result.Trace, t => t.Sparkle == "ttse__ping").Source);
        Assert.Equal(SparkleSource.None, Assert.Single(result.Trace, t => t.Sparkle == "ttsc__go").Source);
        Assert.Equal($"{pinger.Name}.ttsc__go", expected.ToString());
    }

    [Fact]
    public void T09_work_sent_from_a_transition_hook_names_the_hook_as_its_source()
    {
        var distiller = new Distiller();
        var ponger = distiller.Spawn(() => new Ponger());
        var pinger = distiller.Spawn(() => new Pinger(ponger));
        distiller.RunUntilIdle();

        pinger.EnterFirst();
        distiller.RunUntilIdle();

        // Python records (tonic, tonic.name) for extras, so logs show "T.T"; here the hook keeps its name.
        var source = Assert.Single(ponger.Seen);
        Assert.Same(pinger, source.Tonic);
        Assert.Equal("ttse__on_enter", source.SparkleName);
        Assert.Equal(pinger.Id, source.TonicId);
    }
}
