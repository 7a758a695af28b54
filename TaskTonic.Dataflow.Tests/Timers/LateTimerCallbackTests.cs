using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// A system timer can call back after it was stopped or disposed (the callback was already on its way). Such a late
/// callback must not reach the tonic, nor be reported as dropped work once the tonic and its catalyst completed.
/// </summary>
public sealed class LateTimerCallbackTests
{
    /// <summary>A clock whose timers never fire by themselves: the test invokes their callbacks, late on purpose.</summary>
    private sealed class HandCrankedTimeProvider : TimeProvider
    {
        public List<(TimerCallback Callback, object? State)> Timers { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Timers)
            {
                Timers.Add((callback, state));
            }

            return new Crank();
        }

        public void FireAll()
        {
            lock (Timers)
            {
                foreach (var (callback, state) in Timers)
                {
                    callback(state);
                }
            }
        }

        private sealed class Crank : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task A_callback_after_the_owner_completed_is_ignored_and_not_reported_as_dropped()
    {
        var clock = new HandCrankedTimeProvider();
        var formula = new Formula(new FormulaOptions { TimeProvider = clock });
        TimerHost? host = null;
        RepeatTimer? timer = null;
        formula.AddStartingTonic(() => host = new TimerHost(h => timer = new RepeatTimer(TimeSpan.FromSeconds(1), name: "tick")));
        var dropped = new List<string>();
        formula.Ledger.DeadLetters.Subscribe(d =>
        {
            if (d.Reason != DeadLetterReason.Failed)
            {
                dropped.Add(d.ToString()!);
            }
        });
        var run = formula.RunAsync();
        await host!.Started.InTime();
        host.Finish();
        await run.InTime();
        Assert.Equal(0, formula.Ledger.DroppedCount);
        Assert.True(timer!.IsFinished);
        Assert.False(timer.IsRunning);

        clock.FireAll();
        Assert.True(dropped.Count == 0, string.Join("; ", dropped));

        Assert.Single(clock.Timers);
        Assert.Equal(0, formula.Ledger.DroppedCount);
        Assert.False(host.Fired.TryRead(out _));
    }

    [Fact]
    public async Task A_callback_after_a_stop_never_runs_the_handler()
    {
        var clock = new HandCrankedTimeProvider();
        var formula = new Formula(new FormulaOptions { TimeProvider = clock });
        RepeatTimer? timer = null;
        TimerHost? host = null;
        formula.AddStartingTonic(() => host = new TimerHost(h => timer = new RepeatTimer(TimeSpan.FromSeconds(1), name: "tick")));
        var run = formula.RunAsync();
        await host!.Started.InTime();
        await host.RunAsync(_ => timer!.Stop());

        clock.FireAll();
        await host.RunAsync(_ => { });

        Assert.False(host.Fired.TryRead(out _));
        Assert.False(timer!.IsRunning);
        host.Finish();
        await run.InTime();
        Assert.Equal(0, formula.Ledger.DroppedCount);
    }
}
