using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>
/// The longest delay a relative timer accepts (<see cref="TonicTimer.MaxDelay"/>), and long timers arming on the real
/// <see cref="TimeProvider.System"/> clock (arming only: nothing waits for them).
/// </summary>
public sealed class LongDelayLimitTests
{
    private static async Task<(Task Run, TimerHost Host)> StartAsync()
    {
        var formula = new Formula();
        TimerHost? host = null;
        formula.AddStartingTonic(() => host = new TimerHost());
        var run = formula.RunAsync();
        await host!.Started.InTime();
        return (run, host);
    }

    public static TheoryData<string, Func<TimeSpan, TonicTimer>> Creators => new()
    {
        { "delay", d => new SingleShotTimer(d) },
        { "period", d => new RepeatTimer(d) },
        { "period", d => new PausingTimer(d) },
        { "delay", d => new SingleShotTimer(TimeSpan.FromSeconds(1)).ChangeDelay(d) },
        { "period", d => new RepeatTimer(TimeSpan.FromSeconds(1)).ChangePeriod(d) },
        { "period", d => new PausingTimer(TimeSpan.FromSeconds(1)).ChangePeriod(d) },
    };

    [Theory]
    [MemberData(nameof(Creators))]
    public async Task LD10_a_delay_past_the_maximum_is_refused_naming_the_parameter_and_the_maximum(string parameter, Func<TimeSpan, TonicTimer> create)
    {
        var (run, host) = await StartAsync();
        foreach (var delay in new[] { TimeSpan.MaxValue, TonicTimer.MaxDelay + TimeSpan.FromTicks(1) })
        {
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.RunAsync(_ => create(delay))).InTime();
            Assert.Equal(parameter, error.ParamName);
            Assert.Contains("TonicTimer.MaxDelay", error.Message, StringComparison.Ordinal);
            Assert.Contains("36525", error.Message, StringComparison.Ordinal);
        }

        var longest = await host.EvalAsync(_ => create(TonicTimer.MaxDelay)).InTime();
        Assert.False(longest.IsFinished);
        host.Finish();
        await run.InTime();
    }

    [Fact]
    public async Task LD11_long_timers_arm_on_the_system_clock()
    {
        var (run, host) = await StartAsync();
        var later = DateTime.UtcNow.AddDays(200);

        var timers = await host.EvalAsync(_ => new TonicTimer[]
        {
            new SingleShotTimer(TimeSpan.FromDays(100)),
            new RepeatTimer(TimeSpan.FromDays(365)),
            new CalendarTimer(new EveryYearRule(later.Month, Math.Min(later.Day, 28), timeZone: Zones.Utc)),
            new SingleShotTimer(TonicTimer.MaxDelay),
        }).InTime();

        Assert.All(timers, t => Assert.True(t.IsRunning, t.ToString()));
        Assert.All(timers, t => Assert.True(t.Expiry > DateTimeOffset.UtcNow.AddDays(60), t.ToString()));
        host.Finish();
        await run.InTime();
        Assert.All(timers, t => Assert.True(t.IsFinished));
    }
}
