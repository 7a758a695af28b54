using System.Globalization;

namespace TaskTonic.Dataflow.Timers;

/// <summary>
/// Fires at the instants of a <see cref="CalendarRule"/> (<see cref="EveryYearRule"/> … <see cref="EveryMinuteRule"/>):
/// each next expiry is computed by the rule from the previous one, so it never drifts and follows the zone's daylight-
/// saving rules. When the catalyst was blocked past several occurrences it fires once and reports the skipped ones in
/// <see cref="TimerInfo.MissedTicks"/>.
/// </summary>
/// <example><c>new CalendarTimer(new EveryDayRule(hour: 7, minute: 30), name: "wake_up")</c> routes to <c>ttse__on_wake_up</c>.</example>
public sealed class CalendarTimer : TonicTimer
{
    /// <summary>Creates and (unless <paramref name="start"/> is false) starts the timer.</summary>
    /// <param name="rule">When to fire.</param>
    /// <param name="name">Routes the expiry to <c>ttse__on_&lt;name&gt;</c> / <c>ttse__on_tmr_&lt;name&gt;</c> / <c>ttse__on_timer</c>.</param>
    /// <param name="sparkleBack">Called on the owner's catalyst instead of a routed handler.</param>
    /// <param name="owner">The owning tonic; default the tonic whose sparkle is running.</param>
    /// <param name="start">Start at once (default).</param>
    public CalendarTimer(CalendarRule rule, string? name = null, Action<TimerInfo>? sparkleBack = null, Tonic? owner = null, bool start = true)
        : base(name, sparkleBack, owner)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        Attach();
        if (start)
        {
            Start();
        }
    }

    /// <summary>The rule that gives the expiries.</summary>
    public CalendarRule Rule { get; }

    /// <summary>The rule and the next expiry in the rule's zone, e.g. "every day at 07:30:00 (UTC); next Mon 2025-02-03 07:30:00 +00:00".</summary>
    public override string ToString() => Expiry is { } next
        ? $"{Rule.Describe()}; next {TimeZoneInfo.ConvertTime(next, Rule.TimeZone).ToString("ddd yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}"
        : $"{Rule.Describe()}; {(IsFinished ? "finished" : "stopped")}";

    private protected override void StartCore() => Arm(Rule.NextAfter(Clock.GetUtcNow()));

    private protected override void OnExpired(DateTimeOffset scheduled, DateTimeOffset now)
    {
        var next = Rule.NextAfter(scheduled);
        var missed = 0;
        while (next <= now)
        {
            missed++;
            next = Rule.NextAfter(next);
        }

        Arm(next);
        Raise(scheduled, now, missed);
    }
}
