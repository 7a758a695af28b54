using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// Behaviour reference §2.9 TM-01..TM-05 and §4.3 item 22: how an expiry finds its handler. Routing is resolved and
/// checked when the timer is created, never at the expiry.
/// </summary>
public sealed partial class TimerRoutingTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>TM-01: a named single shot and what its handler sees.</summary>
    private sealed partial class Stepper : Tonic
    {
        public SingleShotTimer? Timer { get; private set; }

        public List<TimerInfo> Infos { get; } = [];

        public List<string> Seen { get; } = [];

        private void ttse__on_start() => Timer = new SingleShotTimer(TimeSpan.FromMilliseconds(50), name: "tm_step");

        private void ttse__on_tm_step(TimerInfo info)
        {
            Infos.Add(info);
            var context = SparkleContext.Current;
            Seen.Add($"{context.SparkleName} on {context.Tonic?.Name} from {context.Source}");
            Seen.Add($"finished={Timer!.IsFinished} running={Timer.IsRunning}");
            Seen.Add(Attempt(() => Timer.Restart()));
            Seen.Add(Attempt(() => Timer.Start()));
        }

        private static string Attempt(Action action)
        {
            try
            {
                action();
                return "no exception";
            }
            catch (InvalidOperationException ex)
            {
                return ex.Message;
            }
        }
    }

    /// <summary>Handlers for the name normalisation and the fallback chain.</summary>
    private sealed partial class Router : Tonic
    {
        private readonly Queue<Action<Router>> _jobs = new();

        public List<string> Calls { get; } = [];

        public List<TimerInfo> Infos { get; } = [];

        public Exception? Error { get; private set; }

        /// <summary>Runs <paramref name="job"/> inside a sparkle of this tonic.</summary>
        public void Do(Action<Router> job)
        {
            _jobs.Enqueue(job);
            Job();
        }

        private void ttsc__job()
        {
            try
            {
                _jobs.Dequeue()(this);
            }
            catch (ArgumentException ex)
            {
                Error = ex;
            }
        }

        private void ttse__on_my_timer(TimerInfo info)
        {
            Calls.Add("ttse__on_my_timer");
            Infos.Add(info);
        }

        private void ttse__on_tmr_x() => Calls.Add("ttse__on_tmr_x");

        private void ttse__on_y() => Calls.Add("ttse__on_y");

        private void ttse__on_tmr_y() => Calls.Add("ttse__on_tmr_y");

        private void ttse__on_timer(TimerInfo info)
        {
            Calls.Add("ttse__on_timer");
            Infos.Add(info);
        }

        private void ttsc__explicit(string name) => Calls.Add("ttsc__explicit " + name);
    }

    /// <summary>State-specific handlers, with a state ("off") that has none.</summary>
    [TonicStates("off")]
    private sealed partial class Lamp : Tonic
    {
        public List<string> Calls { get; } = [];

        private void ttse__on_start()
        {
            ToState(States.Red);
            _ = new RepeatTimer(OneSecond, name: "Tick");
            _ = new SingleShotTimer(TimeSpan.FromSeconds(3.5));
        }

        private void ttse_red__on_tick()
        {
            Calls.Add("red tick");
            ToState(States.Green);
        }

        private void ttse_green__on_tick()
        {
            Calls.Add("green tick");
            ToState(States.Off);
        }

        private void ttse_off__on_timer(TimerInfo info) => Calls.Add("off timer " + info.Name);

        private void ttse_red__on_timer(TimerInfo info) => Calls.Add("red timer " + info.Name);
    }

    /// <summary>No handler at all.</summary>
    private sealed partial class Bare : Tonic
    {
        public Exception? Error { get; private set; }

        private void ttsc__make_unnamed()
        {
            try
            {
                _ = new RepeatTimer(OneSecond);
            }
            catch (ArgumentException ex)
            {
                Error = ex;
            }
        }
    }

    /// <summary>A handler with a signature a timer cannot call.</summary>
    private sealed partial class WrongSignature : Tonic
    {
        private void ttse__on_bad(int count) => _ = count;
    }

    [Fact]
    public void TM01_named_single_shot_fires_once_with_its_info_and_is_then_finished()
    {
        var distiller = new Distiller();
        var start = distiller.Clock.GetUtcNow();
        var stepper = distiller.Spawn(() => new Stepper());

        distiller.RunFor(TimeSpan.FromMinutes(1));

        var timer = stepper.Timer!;
        var info = Assert.Single(stepper.Infos);
        Assert.Equal(new TimerInfo(timer.Id, "tm_step", start.AddMilliseconds(50), start.AddMilliseconds(50), 0), info);
        Assert.Equal(TimeSpan.Zero, info.Lateness);
        Assert.Equal($"ttse__on_tm_step on {stepper.Name} from {stepper.Name}._ttss__timer_expired", stepper.Seen[0]);
        Assert.Equal("finished=True running=False", stepper.Seen[1]);
        Assert.Contains("finished", stepper.Seen[2], StringComparison.Ordinal);
        Assert.Contains("finished", stepper.Seen[3], StringComparison.Ordinal);
        Assert.True(timer.IsFinished);
        Assert.Null(timer.Expiry);
        Assert.Empty(stepper.Timers);
        Assert.Null(distiller.Clock.NextDue);

        // From outside the owner the refusal is immediate too, not a failure reported later on the catalyst.
        Assert.Throws<InvalidOperationException>(() => timer.Restart());
        Assert.Throws<InvalidOperationException>(() => timer.Start());
    }

    [Fact]
    public void TM02_the_name_is_trimmed_lower_cased_and_its_spaces_become_underscores()
    {
        var distiller = new Distiller();
        var router = distiller.Spawn(() => new Router());
        router.Do(r => _ = new SingleShotTimer(OneSecond, name: " My Timer "));

        distiller.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal(["ttse__on_my_timer"], router.Calls);
        Assert.Equal(" My Timer ", Assert.Single(router.Infos).Name);
    }

    [Fact]
    public void TM03_fallback_chain_name_then_tmr_name_then_on_timer()
    {
        var distiller = new Distiller();
        var router = distiller.Spawn(() => new Router());
        router.Do(r =>
        {
            _ = new SingleShotTimer(OneSecond, name: "x");
            _ = new SingleShotTimer(TimeSpan.FromSeconds(2), name: "Y");
            _ = new SingleShotTimer(TimeSpan.FromSeconds(3));
            _ = new SingleShotTimer(TimeSpan.FromSeconds(4), name: "nobody_listens");
        });

        distiller.RunFor(TimeSpan.FromSeconds(5));

        Assert.Equal(["ttse__on_tmr_x", "ttse__on_y", "ttse__on_timer", "ttse__on_timer"], router.Calls);
        Assert.Matches(@"^\d\d\.SingleShotTimer$", router.Infos[0].Name);
        Assert.Equal("nobody_listens", router.Infos[1].Name);
    }

    [Fact]
    public void TM03_state_specific_handlers_are_honoured_and_a_state_without_one_ignores_the_expiry()
    {
        var distiller = new Distiller();
        var lamp = distiller.Spawn(() => new Lamp());

        distiller.RunFor(TimeSpan.FromSeconds(5));

        // 1 s: red tick (to green); 2 s: green tick (to off); 3 s: off has no tick handler; 3.5 s: off's on_timer; 4, 5 s: nothing.
        Assert.Equal(["red tick", "green tick", "off timer 02.SingleShotTimer"], lamp.Calls);
        Assert.Equal("off", lamp.StateName);
    }

    [Fact]
    public void TM04_an_explicit_sparkle_back_runs_inline_on_the_owner_or_queues_a_sparkle()
    {
        var distiller = new Distiller();
        var router = distiller.Spawn(() => new Router());
        var inline = new List<string>();
        router.Do(r =>
        {
            _ = new SingleShotTimer(OneSecond, name: "my timer", sparkleBack: info =>
            {
                var context = SparkleContext.Current;
                inline.Add($"{info.Name} on {context.Tonic?.Name} at {info.FiredAt.SecondsSince(info.ScheduledAt)}");
            });
            _ = new SingleShotTimer(TimeSpan.FromSeconds(2), name: "queued", sparkleBack: info => r.Explicit(info.Name));
        });

        distiller.RunFor(TimeSpan.FromSeconds(3));

        Assert.Equal([$"my timer on {router.Name} at 0"], inline);
        Assert.Equal(["ttsc__explicit queued"], router.Calls);
    }

    [Fact]
    public void TM04_a_sparkle_back_needs_no_handler()
    {
        var distiller = new Distiller();
        var bare = distiller.Spawn(() => new Bare());
        var fired = 0;
        _ = new RepeatTimer(OneSecond, sparkleBack: _ => fired++, owner: bare);

        distiller.RunFor(TimeSpan.FromSeconds(3));

        Assert.Equal(3, fired);
    }

    [Fact]
    public void TM05_a_missing_handler_fails_at_creation_naming_every_handler_looked_for()
    {
        var distiller = new Distiller();
        var bare = distiller.Spawn(() => new Bare());

        var named = Assert.Throws<ArgumentException>(() => new SingleShotTimer(OneSecond, name: " Door Bell ", owner: bare));
        var unnamed = Assert.Throws<ArgumentException>(() => new PausingTimer(OneSecond, owner: bare));

        Assert.Equal("name", named.ParamName);
        Assert.Contains("ttse__on_door_bell, ttse__on_tmr_door_bell, ttse__on_timer", named.Message, StringComparison.Ordinal);
        Assert.Contains(bare.Name, named.Message, StringComparison.Ordinal);
        Assert.Contains("looked for ttse__on_timer.", unnamed.Message, StringComparison.Ordinal);
        Assert.Empty(bare.Timers);
        Assert.Null(distiller.Clock.NextDue);
    }

    [Fact]
    public void TM05_a_missing_handler_throws_into_the_creating_sparkle_and_the_catalyst_runs_on()
    {
        var distiller = new Distiller();
        var bare = distiller.Spawn(() => new Bare());
        var failures = new List<DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(failure =>
        {
            if (failure.Reason == DeadLetterReason.Failed)
            {
                failures.Add(failure);
            }
        });

        bare.MakeUnnamed();
        distiller.RunFor(TimeSpan.FromSeconds(5));

        Assert.IsType<ArgumentException>(bare.Error);
        Assert.Empty(failures);
        Assert.Empty(bare.Timers);
        Assert.False(bare.IsFinishing);
    }

    [Fact]
    public void A_handler_with_another_parameter_than_TimerInfo_is_refused_at_creation()
    {
        var distiller = new Distiller();
        var tonic = distiller.Spawn(() => new WrongSignature());

        var error = Assert.Throws<ArgumentException>(() => new RepeatTimer(OneSecond, name: "bad", owner: tonic));

        Assert.Contains("ttse__on_bad", error.Message, StringComparison.Ordinal);
        Assert.Contains("TimerInfo", error.Message, StringComparison.Ordinal);
        Assert.Empty(tonic.Timers);
    }

    [Fact]
    public void A_timer_created_outside_any_sparkle_without_an_owner_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SingleShotTimer(OneSecond, name: "orphan"));

        Assert.Contains("owner", error.Message, StringComparison.Ordinal);
    }
}
