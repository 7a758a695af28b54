namespace TaskTonic.Dataflow.Supervision;

/// <summary>What a supervisor did; see <see cref="SupervisionMonitor"/>.</summary>
public enum SupervisionEventKind
{
    /// <summary>The failed work order was skipped; the tonic goes on.</summary>
    Resumed,

    /// <summary>A restart was scheduled after <see cref="SupervisionEvent.Delay"/>; the tonic's work is held meanwhile.</summary>
    RestartScheduled,

    /// <summary>A fresh instance took over the tonic's identity and pending work.</summary>
    Restarted,

    /// <summary>The factory threw while building the fresh instance; the restart is retried with backoff.</summary>
    RestartFailed,

    /// <summary>The tonic was stopped (finished) by its supervisor.</summary>
    Stopped,

    /// <summary>The failure was escalated to the tonic's supervisor.</summary>
    Escalated,

    /// <summary>The restart limit was reached or the circuit breaker opened; <see cref="RestartOptions.WhenExhausted"/> follows.</summary>
    LimitReached,

    /// <summary>A failure escalated past a root tonic; with <see cref="RootEscalation.FailFormula"/> the application shuts down.</summary>
    RootFailed,
}
