using Polly;
using Polly.CircuitBreaker;

namespace TaskTonic.Dataflow.Supervision;

/// <summary>
/// How restarts are paced and limited. A Polly v8 resilience pipeline built from these options drives the restarts of
/// one supervised infusion (or one all-for-one group): a retry strategy waits the backoff on the ledger's
/// <see cref="TimeProvider"/> (virtual time under the <c>Distiller</c>), and a circuit breaker opens when more than
/// <see cref="MaxRestarts"/> failures happen within <see cref="Window"/>; then <see cref="WhenExhausted"/> applies.
/// </summary>
public sealed class RestartOptions
{
    private readonly int? _maxRestarts = 10;
    private readonly TimeSpan _window = TimeSpan.FromMinutes(1);
    private readonly TimeSpan _delay = TimeSpan.Zero;
    private readonly TimeSpan? _maxDelay;
    private readonly TimeSpan? _resetBackoffAfter;
    private readonly SupervisionDirective _whenExhausted = SupervisionDirective.Stop;

    /// <summary>Ten restarts within a minute, no delay, then stop.</summary>
    public static RestartOptions Default { get; } = new();

    /// <summary>
    /// The most restarts within <see cref="Window"/>; one failure more opens the circuit and <see cref="WhenExhausted"/>
    /// applies. Null: no limit. Zero: never restart (the first failure is already too many). Default 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int? MaxRestarts
    {
        get => _maxRestarts;
        init => _maxRestarts = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(MaxRestarts), value, "MaxRestarts must be zero or more (or null for no limit).") : value;
    }

    /// <summary>The sliding window of <see cref="MaxRestarts"/> (Polly's sampling duration). At least 0.5 s, at most a day. Default one minute.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0.5 s – 1 day.</exception>
    public TimeSpan Window
    {
        get => _window;
        init => _window = value < TimeSpan.FromMilliseconds(500) || value > TimeSpan.FromDays(1)
            ? throw new ArgumentOutOfRangeException(nameof(Window), value, "Window must be between 0.5 seconds and one day.")
            : value;
    }

    /// <summary>The base delay before a restart; the backoff type grows it per consecutive restart. Default zero (restart at once).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or more than a day.</exception>
    public TimeSpan Delay
    {
        get => _delay;
        init => _delay = value < TimeSpan.Zero || value > TimeSpan.FromDays(1)
            ? throw new ArgumentOutOfRangeException(nameof(Delay), value, "Delay must be between zero and one day.")
            : value;
    }

    /// <summary>Constant, linear (delay × n) or exponential (delay × 2ⁿ⁻¹) growth of the delay. Default constant.</summary>
    public DelayBackoffType BackoffType { get; init; } = DelayBackoffType.Constant;

    /// <summary>Randomizes the delays (Polly's jitter: ±25 %, decorrelated for exponential backoff).</summary>
    public bool UseJitter { get; init; }

    /// <summary>Caps the grown delay. Default none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or more than a day.</exception>
    public TimeSpan? MaxDelay
    {
        get => _maxDelay;
        init => _maxDelay = value is { } v && (v < TimeSpan.Zero || v > TimeSpan.FromDays(1))
            ? throw new ArgumentOutOfRangeException(nameof(MaxDelay), value, "MaxDelay must be between zero and one day.")
            : value;
    }

    /// <summary>
    /// An incarnation that ran this long without failing starts the backoff over (the next restart waits
    /// <see cref="Delay"/> again). Default: <see cref="Window"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or negative.</exception>
    public TimeSpan? ResetBackoffAfter
    {
        get => _resetBackoffAfter;
        init => _resetBackoffAfter = value is { } v && v <= TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(ResetBackoffAfter), value, "ResetBackoffAfter must be positive.")
            : value;
    }

    /// <summary>What happens once the limit is reached (or a <see cref="CircuitBreaker"/> opened): Stop (default) or Escalate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Neither Stop nor Escalate.</exception>
    public SupervisionDirective WhenExhausted
    {
        get => _whenExhausted;
        init => _whenExhausted = value is SupervisionDirective.Stop or SupervisionDirective.Escalate
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WhenExhausted), value, "WhenExhausted must be Stop or Escalate.");
    }

    /// <summary>
    /// An additional Polly circuit breaker (failure ratio, minimum throughput, sampling and break durations): each
    /// incarnation's failure is one failed execution. Once it is open, <see cref="WhenExhausted"/> applies at the next
    /// restart. Its <c>ShouldHandle</c> should handle every exception (the default does).
    /// </summary>
    public CircuitBreakerStrategyOptions? CircuitBreaker { get; init; }

    internal TimeSpan EffectiveResetAfter => ResetBackoffAfter ?? Window;
}
