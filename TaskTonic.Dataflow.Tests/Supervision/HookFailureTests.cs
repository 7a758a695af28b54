using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Supervision;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Supervision;

/// <summary>Failures in ttse__on_start, ttse__on_finished, state enter/exit hooks and timer sparkles go through supervision.</summary>
public sealed partial class HookFailureTests
{
    /// <summary>Fails in the named hook while the shared budget lasts.</summary>
    private sealed partial class Hooked(string failIn, int[] budget, List<string> log) : Tonic
    {
        private void ttse__on_start()
        {
            log.Add("start");
            ToState(States.Idle);
            Fail("on_start");
        }

        private void ttse_idle__on_enter()
        {
            log.Add("enter idle");
            Fail("enter idle");
        }

        private void ttse_idle__on_exit()
        {
            log.Add("exit idle");
            Fail("exit idle");
        }

        private void ttse_busy__on_enter() => log.Add("enter busy");

        private void ttse__on_finished()
        {
            log.Add("finished");
            Fail("on_finished");
        }

        private void ttsc__go() => ToState(States.Busy);

        private void ttsc__quit() => Finish();

        private void ttsc__work(int n) => log.Add($"work {n} in {StateName}");

        private void Fail(string hook)
        {
            if (hook == failIn && budget[0]-- > 0)
            {
                throw new InvalidOperationException("failing in " + hook);
            }
        }
    }

    private sealed partial class Ticker(int failOnTick, List<string> log) : Tonic
    {
        private int _ticks;

        private void ttse__on_start()
        {
            log.Add("start");
            _ = new RepeatTimer(TimeSpan.FromSeconds(1), name: "tick");
        }

        private void ttse__on_tick()
        {
            _ticks++;
            log.Add("tick " + _ticks);
            if (_ticks == failOnTick)
            {
                throw new InvalidOperationException("tick failed");
            }
        }

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Holder(Func<Tonic> factory, SupervisionPolicy policy) : Tonic
    {
        public Tonic? Child { get; private set; }

        private void ttse__on_start() => Child = Infuse(factory, policy);
    }

    [Theory]
    [InlineData("on_start", new[] { "start", "start", "enter idle", "work 1 in idle" })]
    [InlineData("enter idle", new[] { "start", "enter idle", "start", "enter idle", "work 1 in idle" })]
    public void HK_01_a_failing_start_or_enter_hook_restarts_the_tonic_with_a_fresh_state_machine(string hook, string[] expected)
    {
        var (distiller, letters, events) = SupervisionTestSupport.Start();
        var log = new List<string>();
        int[] budget = [1];
        var holder = distiller.Spawn(() => new Holder(() => new Hooked(hook, budget, log), SupervisionPolicy.Restart()));
        distiller.RunUntil(() => holder.Child is not null);
        ((Hooked)holder.Child!).Work(1);
        distiller.RunUntilIdle();

        Assert.Equal(expected, log);
        Assert.Equal(1, holder.Child.RestartCount);
        Assert.Equal("idle", holder.Child.Incarnation.StateName);
        var failed = Assert.Single(letters.Items, l => l.Reason == DeadLetterReason.Failed);
        Assert.Equal(hook == "on_start" ? "ttse__on_start" : "ttse_idle__on_enter", failed.SparkleName);
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.Restarted);
    }

    [Fact]
    public void HK_02_a_failing_exit_hook_restarts_the_tonic_and_the_transition_does_not_happen()
    {
        var (distiller, letters, _) = SupervisionTestSupport.Start();
        var log = new List<string>();
        int[] budget = [1];
        var holder = distiller.Spawn(() => new Holder(() => new Hooked("exit idle", budget, log), SupervisionPolicy.Restart()));
        distiller.RunUntilIdle();
        var hooked = (Hooked)holder.Child!;
        hooked.Go();
        hooked.Work(2);
        distiller.RunUntilIdle();

        Assert.Equal(["start", "enter idle", "exit idle", "start", "enter idle", "work 2 in idle"], log);
        Assert.Equal("ttse_idle__on_exit", Assert.Single(letters.Items).SparkleName);
        Assert.Equal(1, hooked.RestartCount);
    }

    [Fact]
    public void HK_03_a_failing_finished_hook_is_reported_and_with_escalate_fails_the_supervisor()
    {
        var (distiller, letters, events) = SupervisionTestSupport.Start();
        var log = new List<string>();
        int[] budget = [1];
        var top = distiller.Spawn(() => new Holder(
            () => new Holder(() => new Hooked("on_finished", budget, log), SupervisionPolicy.Escalate), SupervisionPolicy.Restart()));
        distiller.RunUntilIdle();
        var middle = (Holder)top.Child!;
        var hooked = (Hooked)middle.Child!;

        hooked.Quit();
        distiller.RunUntilIdle();

        Assert.True(hooked.IsCompleted);
        Assert.Equal("ttse__on_finished", Assert.Single(letters.Items, l => l.Reason == DeadLetterReason.Failed).SparkleName);
        Assert.Contains(events.Items, e => e.Kind == SupervisionEventKind.Escalated && ReferenceEquals(e.Tonic, hooked));
        Assert.Equal(1, middle.RestartCount);
        Assert.False(((Holder)middle.Incarnation).Child!.IsFinishing);
    }

    [Fact]
    public void HK_04_a_failing_finished_hook_under_restart_only_reports_the_tonic_still_completes()
    {
        var (distiller, letters, events) = SupervisionTestSupport.Start();
        var log = new List<string>();
        int[] budget = [1];
        var holder = distiller.Spawn(() => new Holder(() => new Hooked("on_finished", budget, log), SupervisionPolicy.Restart()));
        distiller.RunUntilIdle();
        ((Hooked)holder.Child!).Quit();
        distiller.RunUntilIdle();

        Assert.True(holder.Child.IsCompleted);
        Assert.Single(letters.Items, l => l.Reason == DeadLetterReason.Failed);
        Assert.Empty(events.Items);
    }

    [Fact]
    public void HK_05_a_failing_timer_sparkle_restarts_the_tonic_its_old_timer_ends_and_the_new_one_ticks_on_virtual_time()
    {
        var (distiller, letters, _) = SupervisionTestSupport.Start();
        var log = new List<string>();
        var holder = distiller.Spawn(() => new Holder(() => new Ticker(2, log), SupervisionPolicy.Restart()));
        distiller.RunUntil(() => holder.Child is not null);
        var old = holder.Child!;
        var start = distiller.Clock.GetUtcNow();

        distiller.RunUntil(() => log.Count(l => l == "tick 1") == 2, TimeSpan.FromMinutes(1));

        Assert.Equal(["start", "tick 1", "tick 2", "start", "tick 1"], log);
        Assert.Equal(3.0, (distiller.Clock.GetUtcNow() - start).TotalSeconds);
        Assert.Empty(old.Timers);
        Assert.Single(old.Incarnation.Timers);
        Assert.Equal("ttse__on_tick", Assert.Single(letters.Items).SparkleName);
        ((Ticker)old).Quit();
        distiller.RunUntilIdle();
        Assert.True(old.IsCompleted);
    }

    [Fact]
    public void HK_06_a_failing_timer_callback_goes_through_the_same_path()
    {
        var (distiller, letters, events) = SupervisionTestSupport.Start();
        var holder = distiller.Spawn(() => new Holder(() => new CallbackTimer(), SupervisionPolicy.Stop));
        distiller.RunUntilIdle();

        Assert.True(holder.Child!.IsCompleted);
        Assert.Single(letters.Items, l => l.Reason == DeadLetterReason.Failed && l.Exception is InvalidOperationException);
        Assert.Single(events.Items, e => e.Kind == SupervisionEventKind.Stopped);
    }

    private sealed partial class CallbackTimer : Tonic
    {
        private void ttse__on_start() => _ = new SingleShotTimer(TimeSpan.FromSeconds(1), sparkleBack: _ => throw new InvalidOperationException("callback failed"));
    }
}
