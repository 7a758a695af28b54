using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.EventBinding;

/// <summary>ttev__member__event: .NET events and IObservable members posted as sparkles, bound after on_start, unbound at finish.</summary>
public sealed class EventBindingTests
{
    private static readonly TimeSpan s_safety = TimeSpan.FromSeconds(30);

    [Fact]
    public void EV01_an_event_raised_on_another_thread_runs_as_a_sparkle_of_the_tonic()
    {
        var distiller = new Distiller();
        var panel = distiller.Spawn(() => new Panel());
        distiller.RunUntilIdle();
        Assert.Equal(1, panel.OkButton.ClickedHandlers);

        OnAnotherThread(() => panel.OkButton.Click(7));
        Assert.Empty(panel.Seen); // only posted: nothing ran on the raising thread
        var result = distiller.RunUntilIdle();

        Assert.Equal(["click 7 from ok"], panel.Seen);
        Assert.Equal([Environment.CurrentManagedThreadId], panel.Threads);
        Assert.Single(result.Trace, t => t.Sparkle == "ttev__ok_button__clicked" && t.Tonic == panel);
    }

    [Fact]
    public void EV02_a_custom_delegate_and_a_camel_case_field_are_bound_with_all_arguments()
    {
        var distiller = new Distiller();
        var panel = distiller.Spawn(() => new Panel());
        distiller.RunUntilIdle();

        panel.Spare.Move(3, "left");
        distiller.RunUntilIdle();

        Assert.Equal(["move 3 left"], panel.Seen);
    }

    [Fact]
    public void EV03_after_finish_the_handlers_are_unsubscribed_and_no_sparkle_runs()
    {
        var distiller = new Distiller();
        var panel = distiller.Spawn(() => new Panel());
        distiller.RunUntilIdle();
        Assert.Equal(1, panel.Spare.MovedHandlers);

        panel.Finish();
        distiller.RunUntilIdle();
        panel.OkButton.Click(1);
        panel.Spare.Move(1, "x");
        distiller.RunUntilIdle();

        Assert.True(panel.IsCompleted);
        Assert.Equal(0, panel.OkButton.ClickedHandlers);
        Assert.Equal(0, panel.Spare.MovedHandlers);
        Assert.Empty(panel.Seen);
        Assert.Equal(0, distiller.Ledger.DroppedCount); // nothing was even posted
    }

    [Fact]
    public void EV04_observable_notifications_arrive_as_sparkles_and_the_subscription_is_disposed_at_finish()
    {
        var distiller = new Distiller();
        var panel = distiller.Spawn(() => new Panel());
        distiller.RunUntilIdle();
        Assert.True(panel.Ticks.HasObservers);

        OnAnotherThread(() => { panel.Ticks.OnNext(1); panel.Ticks.OnNext(2); });
        distiller.RunUntilIdle();
        Assert.Equal(["tick 1", "tick 2"], panel.Seen);

        panel.Finish();
        distiller.RunUntilIdle();
        Assert.False(panel.Ticks.HasObservers);
        panel.Ticks.OnNext(3);
        distiller.RunUntilIdle();
        Assert.Equal(["tick 1", "tick 2"], panel.Seen);
    }

    [Fact]
    public void EV05_observable_completion_runs_the_completed_binding()
    {
        var distiller = new Distiller();
        var panel = distiller.Spawn(() => new Panel());
        distiller.RunUntilIdle();

        panel.Ticks.OnNext(5);
        panel.Ticks.OnCompleted();
        distiller.RunUntilIdle();

        Assert.Equal(["tick 5", "completed"], panel.Seen);
    }

    [Fact]
    public void EV06_state_variants_are_chosen_by_the_state_when_the_sparkle_runs()
    {
        var distiller = new Distiller();
        var trigger = distiller.Spawn(() => new Trigger());
        distiller.RunUntilState("idle");
        distiller.RunUntilIdle();
        Assert.Equal(1, trigger.Button.ClickedHandlers); // a member assigned in on_start is bound

        trigger.Button.Click(1);
        distiller.RunUntilIdle();
        trigger.Arm();
        trigger.Button.Click(2); // raised while still idle; runs after the arm, in state armed
        var result = distiller.RunUntilIdle();

        Assert.Equal(["ignored 1", "fired 2"], trigger.Seen);
        var fired = Assert.Single(result.Trace, t => t.Sparkle == "ttev__button__clicked");
        Assert.Equal("ttev_armed__button__clicked", fired.Handler);
    }

    [Fact]
    public void EV07_an_observable_error_without_an_error_binding_is_a_failure_of_the_tonic()
    {
        var distiller = new Distiller();
        var tonic = distiller.Spawn(() => new Careless());
        distiller.RunUntilIdle();
        var failures = new List<DeadLetter>();
        using var subscription = distiller.Ledger.DeadLetters.Subscribe(letter =>
        {
            if (letter.Reason == DeadLetterReason.Failed)
            {
                failures.Add(letter);
            }
        });

        tonic.Source.OnError(new TimeoutException("sensor lost"));
        distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.IsType<TimeoutException>(failure.Exception!.InnerException);
        Assert.Contains("declares no ttev__source__error handler", failure.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EV08_a_member_that_is_null_when_binding_is_a_failure_naming_the_binding()
    {
        var distiller = new Distiller();
        var failures = new List<DeadLetter>();
        using var subscription = distiller.Ledger.DeadLetters.Subscribe(letter =>
        {
            if (letter.Reason == DeadLetterReason.Failed)
            {
                failures.Add(letter);
            }
        });
        distiller.Spawn(() => new Unassigned());
        distiller.RunUntilIdle();

        var failure = Assert.Single(failures);
        Assert.Equal("ttev (bind)", failure.SparkleName);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Contains("ttev__button__clicked: 'Button' is null", failure.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EV09_on_a_synchronization_context_catalyst_a_bound_event_runs_on_that_context()
    {
        using var ui = new SingleThreadContext();
        var formula = new Formula();
        Panel? panel = null;
        formula.AddStartingTonic(() =>
        {
            var uiCatalyst = new Catalyst(new CatalystOptions { Name = "ui", Threading = CatalystThreading.SynchronizationContext, SynchronizationContext = ui });
            return panel = new Panel(uiCatalyst);
        });
        var run = formula.RunAsync();
        await WaitUntil(() => panel is { } p && p.OkButton.ClickedHandlers == 1 && p.Ticks.HasObservers);

        await Task.Run(() => panel!.OkButton.Click(1));
        await Task.Run(() => panel!.Ticks.OnNext(2));
        await WaitUntil(() => ui.Run(() => panel!.Seen.Count) == 2);
        panel!.Finish();
        await run.WaitAsync(s_safety);

        Assert.Equal(["click 1 from ok", "tick 2"], panel.Seen);
        Assert.Equal([ui.Thread.ManagedThreadId], panel.Threads);
        Assert.Equal(0, panel.OkButton.ClickedHandlers);
        Assert.False(panel.Ticks.HasObservers);
    }

    [Fact]
    public void EV10_the_BindEvent_attribute_binds_like_the_grammar_with_state_variants()
    {
        var distiller = new Distiller();
        var panel = distiller.Spawn(() => new AttributePanel());
        distiller.RunUntilIdle();
        Assert.Equal(1, panel.OkButton.ClickedHandlers);

        panel.OkButton.Click(1);
        panel.Ticks.OnNext(2);
        distiller.RunUntilIdle();
        panel.Quiet();
        panel.OkButton.Click(3);
        var result = distiller.RunUntilIdle();
        panel.Finish();
        distiller.RunUntilIdle();

        Assert.Equal(["confirm 1", "tick 2", "quiet 3"], panel.Seen);
        Assert.Equal("ttev_quiet__ok_button__clicked", Assert.Single(result.Trace, t => t.Sparkle == "ttev__ok_button__clicked").Handler);
        Assert.Equal(0, panel.OkButton.ClickedHandlers);
        Assert.False(panel.Ticks.HasObservers);
    }

    private static void OnAnotherThread(Action raise)
    {
        var thread = new Thread(() => raise()) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(s_safety), "the raising thread hung");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_safety;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(1);
        }
    }
}
