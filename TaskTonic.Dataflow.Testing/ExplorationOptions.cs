namespace TaskTonic.Dataflow.Testing;

/// <summary>How <see cref="Distiller.Explore"/> schedules catalysts, and how it builds each iteration's formula.</summary>
public sealed class ExplorationOptions
{
    /// <summary>The scheduling strategy. The default is <see cref="SchedulingStrategy.Random"/>.</summary>
    public SchedulingStrategy Strategy { get; init; } = SchedulingStrategy.Random;

    /// <summary>
    /// PCT's depth d: the number of ordering constraints a bug may need; the schedule changes priorities d - 1 times.
    /// The default is 3. Ignored by the other strategies.
    /// </summary>
    public int ChangePoints { get; init; } = 3;

    /// <summary>PCT's estimate k of the work orders in one iteration: change points are drawn from [1, k]. The default is 200.</summary>
    public int MaxSteps { get; init; } = 200;

    /// <summary>
    /// Builds a fresh, unstarted formula for every iteration (a subclass, or one with settings). The default builds a
    /// formula with default settings on a new <see cref="VirtualClock"/>.
    /// </summary>
    public Func<Formula>? CreateFormula { get; init; }

    /// <summary>Whether a sparkle that throws (a <see cref="DeadLetters.DeadLetterReason.Failed"/> dead letter) fails the iteration. The default is true.</summary>
    public bool FailOnSparkleFailure { get; init; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChangePoints, 1, nameof(ChangePoints));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, 1, nameof(MaxSteps));
    }
}
