using Polly;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Supervision;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Supervision;

/// <summary>Restart: identity, pending work, the restart hook, and the Polly-driven backoff and limits on virtual time.</summary>
public sealed partial class RestartTests
{
    /// <summary>A stateful tonic: a state machine, a counter field, a named child, and a switch to fail.</summary>
    private sealed partial class Counter : Tonic
    {
        private readonly List<string> _log;

        public Counter(List<string> log)
            : base("counter")
        {
            _log = log;
        }

        public int Count { get; private set; }

        public Tonic? Child { get; private set; }

        private void ttse__on_start()
        {
            _log.Add("start");
            Child = new Leaf("counter.leaf");
            ToState(States.Idle);
        }

        private void ttse_idle__on_enter() => _log.Add("enter idle");

        private void ttsc_idle__add(int n)
        {
            Count += n;
            _log.Add($"add {n} -> {Count}");
            ToState(States.Busy);
        }

        private void ttsc_busy__add(int n)
        {
            Count += n;
            _log.Add($"busy add {n} -> {Count}");
        }

        private void ttsc__boom() => throw new InvalidOperationException("boom");

        private void ttse__on_restart(RestartInfo info) => _log.Add($"restart {info.RestartCount} {info.Reason.Message}");
    }

    private sealed partial class Leaf : Tonic
    {
        public Leaf(string name)
            : base(name)
        {
        }
    }

    /// <summary>Supervises one infusion built by the given factory under the given policy.</summary>
    private sealed partial class Boss(Func<Tonic> factory, SupervisionPolicy policy) : Tonic
    {
        public Tonic? Worker { get; private set; }

        private void ttse__on_start() => Worker = Infuse(factory, policy);

        private void ttsc__finish_now() => Finish();
    }

    /// <summary>Fails in on_start while the shared budget lasts, then works.</summary>
    private sealed partial class StartFailer(int[] failuresLeft, List<int> processed) : Tonic
    {
        private void ttse__on_start()
        {
            if (failuresLeft[0]-- > 0)
            {
                throw new InvalidOperationException("start fails, " + failuresLeft[0] + " left");
            }
        }

        private void ttsc__work(int n) => processed.Add(n);
    }

    private static (Distiller Distiller, Collector<SupervisionEvent> Events, Collector<DeadLetter> Letters) Start()
    {
        var (distiller, letters, events) = SupervisionTestSupport.Start();
        return (distiller, events, letters);
    }

    [Fact]
    public void RS_01_a_restart_keeps_id_name_address_and_pending_work_and_starts_state_and_fields_anew()
    {
        var (distiller, events, letters) = Start();
        var log = new List<string>();
        var boss = distiller.Spawn(() => new Boss(() => new Counter(log), SupervisionPolicy.Restart()));
        distiller.RunUntilIdle();
        var counter = (Counter)boss.Worker!;
        var oldLeaf = counter.Child!;

        counter.Add(5);
        counter.Boom();
        counter.Add(1);
        counter.Add(2);
        distiller.RunUntilIdle();

        var live = (Counter)counter.Incarnation;
        Assert.NotSame(counter, live);
        Assert.Equal(1, counter.RestartCount);
        Assert.Equal(
            ["start", "enter idle", "add 5 -> 5", "start", "enter idle", "restart 1 boom", "add 1 -> 1", "busy add 2 -> 3"], log);
        Assert.Equal(5, counter.Count); // the old incarnation's fields
        Assert.Equal(3, live.Count);
        Assert.Equal("busy", live.StateName);
        Assert.Equal(counter.Id, live.Id);
        Assert.Equal("counter", live.Name);
        Assert.Same(live, distiller.Ledger.Find("counter"));
        Assert.Same(live, Assert.Single(boss.Infusions));
        Assert.Same(boss, live.Parent);
        Assert.True(oldLeaf.IsCompleted);
        Assert.NotSame(oldLeaf, live.Child);
        Assert.Equal("counter.leaf", live.Child!.Name);
        Assert.False(counter.IsFinishing);
        Assert.Equal(1, letters.Items.Count(l => l.Reason == DeadLetterReason.Failed));
        Assert.Equal([SupervisionEventKind.RestartScheduled, SupervisionEventKind.Restarted], events.Items.Select(e => e.Kind));

        // Calls on the old reference reach the live instance; its completion is the address's completion.
        var completion = counter.Completion;
        counter.Add(10);
        distiller.RunUntilIdle();
        Assert.Equal(13, live.Count);
        boss.FinishNow();
        distiller.RunUntilIdle();
        Assert.True(counter.IsCompleted);
        Assert.True(completion.IsCompletedSuccessfully);
        Assert.True(live.Completion.IsCompletedSuccessfully);
        Assert.Null(distiller.Ledger.Find("counter"));
    }

    [Fact]
    public void RS_02_backoff_is_exponential_on_virtual_time_and_work_sent_during_the_backoff_is_held()
    {
        var (distiller, events, _) = Start();
        var processed = new List<int>();
        var policy = SupervisionPolicy.Restart(new RestartOptions
        {
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            MaxRestarts = 10,
            Window = TimeSpan.FromHours(1),
        });
        var start = distiller.Clock.GetUtcNow();
        int[] budget = [3];
        var boss = distiller.Spawn(() => new Boss(() => new StartFailer(budget, processed), policy));
        distiller.RunUntil(() => boss.Worker is not null);
        var worker = (StartFailer)boss.Worker!;
        worker.Work(1);
        worker.Work(2);
        distiller.RunUntil(() => worker.RestartCount == 1);
        worker.Work(3);
        distiller.RunUntilIdle();

        Assert.Equal([1, 2, 3], processed);
        Assert.Equal(3, worker.RestartCount);
        var scheduled = events.Items.Where(e => e.Kind == SupervisionEventKind.RestartScheduled).Select(e => e.Delay!.Value.TotalSeconds);
        Assert.Equal([1.0, 2.0, 4.0], scheduled);
        var restarted = events.Items.Where(e => e.Kind == SupervisionEventKind.Restarted).Select(e => (e.Timestamp - start).TotalSeconds);
        Assert.Equal([1.0, 3.0, 7.0], restarted);
    }

    [Theory]
    [InlineData(DelayBackoffType.Constant, new[] { 2.0, 2.0, 2.0, 2.0 })]
    [InlineData(DelayBackoffType.Linear, new[] { 2.0, 4.0, 6.0, 8.0 })]
    [InlineData(DelayBackoffType.Exponential, new[] { 2.0, 4.0, 8.0, 10.0 })]
    public void RS_03_constant_linear_and_exponential_backoff_with_a_cap(DelayBackoffType type, double[] expected)
    {
        var (distiller, events, _) = Start();
        var policy = SupervisionPolicy.Restart(new RestartOptions
        {
            Delay = TimeSpan.FromSeconds(2),
            BackoffType = type,
            MaxDelay = TimeSpan.FromSeconds(10),
            MaxRestarts = null,
        });
        var start = distiller.Clock.GetUtcNow();
        int[] budget = [4];
        distiller.Spawn(() => new Boss(() => new StartFailer(budget, []), policy));
        distiller.RunUntilIdle();

        var delays = events.Items.Where(e => e.Kind == SupervisionEventKind.RestartScheduled).Select(e => e.Delay!.Value.TotalSeconds).ToArray();
        Assert.Equal(expected, delays);
        var last = events.Items.Last(e => e.Kind == SupervisionEventKind.Restarted);
        Assert.Equal(expected.Sum(), (last.Timestamp - start).TotalSeconds);
        Assert.Equal(4, last.RestartCount);
    }

    [Fact]
    public void RS_04_jitter_keeps_each_delay_within_a_quarter_of_the_base_delay()
    {
        var (distiller, events, _) = Start();
        var policy = SupervisionPolicy.Restart(new RestartOptions { Delay = TimeSpan.FromSeconds(10), UseJitter = true, MaxRestarts = null });
        int[] budget = [20];
        distiller.Spawn(() => new Boss(() => new StartFailer(budget, []), policy));
        distiller.RunUntilIdle();

        var delays = events.Items.Where(e => e.Kind == SupervisionEventKind.RestartScheduled).Select(e => e.Delay!.Value.TotalSeconds).ToArray();
        Assert.Equal(20, delays.Length);
        Assert.All(delays, d => Assert.InRange(d, 7.5, 12.5));
        Assert.True(delays.Distinct().Count() > 1);
    }

    [Fact]
    public void RS_05_the_restart_limit_stops_the_tonic_and_drops_its_held_work()
    {
        var (distiller, events, letters) = Start();
        var processed = new List<int>();
        var policy = SupervisionPolicy.Restart(new RestartOptions { MaxRestarts = 3, Window = TimeSpan.FromSeconds(10), Delay = TimeSpan.FromSeconds(1) });
        var start = distiller.Clock.GetUtcNow();
        int[] budget = [100];
        var boss = distiller.Spawn(() => new Boss(() => new StartFailer(budget, processed), policy));
        distiller.RunUntil(() => boss.Worker is not null);
        var worker = (StartFailer)boss.Worker!;
        worker.Work(1);
        distiller.RunUntilIdle();

        Assert.Equal(3, worker.RestartCount);
        Assert.True(worker.IsCompleted);
        Assert.Empty(processed);
        var limit = Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.LimitReached);
        Assert.Equal(3.0, (limit.Timestamp - start).TotalSeconds);
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.Stopped);
        Assert.Single(letters.Items, l => l.Reason == DeadLetterReason.TonicFinishing && (int)l.Arguments! == 1);
        Assert.Empty(boss.Infusions);
        Assert.False(boss.IsFinishing);
    }

    [Fact]
    public void RS_06_failures_further_apart_than_the_window_never_reach_the_limit()
    {
        var (distiller, events, _) = Start();
        var policy = SupervisionPolicy.Restart(new RestartOptions { MaxRestarts = 1, Window = TimeSpan.FromSeconds(1) });
        var log = new List<string>();
        var boss = distiller.Spawn(() => new Boss(() => new Counter(log), policy));
        distiller.RunUntilIdle();

        for (var i = 0; i < 5; i++)
        {
            AsCounter(boss).Boom();
            distiller.RunUntilIdle();
            distiller.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(5, boss.Worker!.RestartCount);
        Assert.DoesNotContain(events.Items, e => e.Kind == SupervisionEventKind.LimitReached);

        // Two failures within the window: the second one is over the limit of one restart.
        AsCounter(boss).Boom();
        AsCounter(boss).Boom();
        distiller.RunUntilIdle();
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.LimitReached);
        Assert.True(boss.Worker!.IsCompleted);
    }

    [Fact]
    public void RS_07_a_stable_incarnation_starts_the_backoff_over()
    {
        var (distiller, events, _) = Start();
        var log = new List<string>();
        var policy = SupervisionPolicy.Restart(new RestartOptions
        {
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            MaxRestarts = null,
            ResetBackoffAfter = TimeSpan.FromMinutes(5),
        });
        var boss = distiller.Spawn(() => new Boss(() => new Counter(log), policy));
        distiller.RunUntilIdle();

        AsCounter(boss).Boom();
        distiller.RunUntilIdle();
        AsCounter(boss).Boom();
        distiller.RunUntilIdle();
        distiller.Clock.Advance(TimeSpan.FromMinutes(10));
        AsCounter(boss).Boom();
        distiller.RunUntilIdle();

        var delays = events.Items.Where(e => e.Kind == SupervisionEventKind.RestartScheduled).Select(e => e.Delay!.Value.TotalSeconds);
        Assert.Equal([1.0, 2.0, 1.0], delays);
        Assert.Equal(3, boss.Worker!.RestartCount);
    }

    [Fact]
    public void RS_08_a_polly_circuit_breaker_turns_repeated_failure_into_escalation()
    {
        var (distiller, events, _) = Start();
        var policy = SupervisionPolicy.Restart(new RestartOptions
        {
            MaxRestarts = null,
            Delay = TimeSpan.FromSeconds(1),
            WhenExhausted = SupervisionDirective.Escalate,
            CircuitBreaker = new Polly.CircuitBreaker.CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 3,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromMinutes(1),
            },
        });
        int[] budget = [int.MaxValue];
        var grand = distiller.Spawn(() => new Boss(() => new Boss(() => new StartFailer(budget, []), policy), SupervisionPolicy.Restart()));
        distiller.RunUntilIdle();

        var kinds = events.Items.Select(e => e.Kind).ToList();
        var limit = kinds.IndexOf(SupervisionEventKind.LimitReached);
        Assert.Equal(2, kinds.Take(limit).Count(k => k == SupervisionEventKind.Restarted));
        Assert.Equal(SupervisionEventKind.Stopped, kinds[limit + 1]);
        Assert.Equal(SupervisionEventKind.Escalated, kinds[limit + 2]);

        // The escalation failed the middle boss, which its own supervisor restarted (and with it a fresh worker).
        var middle = (Boss)grand.Worker!;
        Assert.True(middle.RestartCount >= 1);
        Assert.Contains(events.Items, e => e.Kind == SupervisionEventKind.Restarted && e.Tonic is Boss);
    }

    [Fact]
    public void RS_09_finishing_during_the_backoff_cancels_the_restart_and_drops_the_held_work()
    {
        var (distiller, events, letters) = Start();
        var policy = SupervisionPolicy.Restart(new RestartOptions { Delay = TimeSpan.FromMinutes(1) });
        int[] budget = [1];
        var boss = distiller.Spawn(() => new Boss(() => new StartFailer(budget, []), policy));
        distiller.RunUntil(() => boss.Worker is not null);
        var worker = (StartFailer)boss.Worker!;
        worker.Work(7);
        distiller.RunUntil(() => events.Items.Any(e => e.Kind == SupervisionEventKind.RestartScheduled));
        Assert.False(worker.IsFinishing);

        boss.FinishNow();
        var result = distiller.RunUntilIdle();

        Assert.True(boss.IsCompleted);
        Assert.True(worker.IsCompleted);
        Assert.Equal(0, worker.RestartCount);
        Assert.Single(letters.Items, l => l.Reason == DeadLetterReason.TonicFinishing && (int)l.Arguments! == 7);
        Assert.DoesNotContain(events.Items, e => e.Kind == SupervisionEventKind.Restarted);
        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.True(result.EndedAt - result.StartedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void RS_10_a_failing_factory_is_retried_with_backoff()
    {
        var (distiller, events, _) = Start();
        var builds = 0;
        var log = new List<string>();
        var policy = SupervisionPolicy.Restart(new RestartOptions { Delay = TimeSpan.FromSeconds(1), MaxRestarts = null });
        var boss = distiller.Spawn(() => new Boss(
            () => ++builds is 2 or 3 ? throw new InvalidOperationException("cannot build") : new Counter(log), policy));
        distiller.RunUntilIdle();
        AsCounter(boss).Boom();
        AsCounter(boss).Add(4);
        distiller.RunUntilIdle();

        Assert.Equal(4, builds);
        Assert.Equal(2, events.Items.Count(e => e.Kind == SupervisionEventKind.RestartFailed));
        Assert.Equal(1, boss.Worker!.RestartCount);
        Assert.Equal(4, ((Counter)boss.Worker!.Incarnation).Count);
    }

    [Fact]
    public void RS_11_restart_needs_a_factory_a_type_policy_without_one_stops_the_tonic()
    {
        var (distiller, events, _) = Start();
        var log = new List<string>();
        var parent = distiller.Spawn(() => new TypePolicyBoss(log));
        distiller.RunUntilIdle();
        parent.Counter!.Boom();
        distiller.RunUntilIdle();

        Assert.True(parent.Counter.IsCompleted);
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.Stopped);
    }

    [Fact]
    public void RS_12_a_callback_into_the_old_incarnation_is_a_dead_letter_with_reason_restarted()
    {
        var (distiller, _, letters) = Start();
        var log = new List<string>();
        var boss = distiller.Spawn(() => new Boss(() => new Counter(log), SupervisionPolicy.Restart(new RestartOptions { Delay = TimeSpan.FromSeconds(1) })));
        distiller.RunUntilIdle();
        var old = AsCounter(boss);
        old.Boom();
        distiller.RunUntil(() => distiller.Ledger.Supervision.CountOf(SupervisionEventKind.RestartScheduled) > 0);
        var ran = false;
        old.PostUserCallback(() => ran = true);
        distiller.RunUntilIdle();
        old.PostUserCallback(() => ran = true);
        distiller.RunUntilIdle();

        Assert.False(ran);
        Assert.Equal(2, letters.Items.Count(l => l.Reason == DeadLetterReason.TonicRestarted));
        Assert.Equal(2, distiller.Ledger.DeadLetters.CountOf(DeadLetterReason.TonicRestarted));
    }

    private static Counter AsCounter(Boss boss) => (Counter)boss.Worker!;

    private sealed partial class TypePolicyBoss(List<string> log) : Tonic
    {
        public Counter? Counter { get; private set; }

        private void ttse__on_start()
        {
            SuperviseInfusions<Counter>(SupervisionPolicy.Restart());
            Counter = new Counter(log);
        }
    }
}
