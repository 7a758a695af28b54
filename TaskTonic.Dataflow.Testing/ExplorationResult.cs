using System.Text;

namespace TaskTonic.Dataflow.Testing;

/// <summary>The outcome of <see cref="Distiller.Explore"/> or <see cref="Distiller.Reproduce"/>.</summary>
public sealed class ExplorationResult
{
    internal ExplorationResult(SchedulingStrategy strategy, int iterations, int? failingIteration, int? failingSeed, Exception? exception,
        IReadOnlyList<DeadLetters.DeadLetter> sparkleFailures, IReadOnlyList<SparkleTrace> trace)
    {
        Strategy = strategy;
        Iterations = iterations;
        FailingIteration = failingIteration;
        FailingSeed = failingSeed;
        Exception = exception;
        SparkleFailures = sparkleFailures;
        Trace = trace;
    }

    /// <summary>The strategy used.</summary>
    public SchedulingStrategy Strategy { get; }

    /// <summary>How many iterations ran (the failing one included).</summary>
    public int Iterations { get; }

    /// <summary>True when an iteration failed.</summary>
    public bool Failed => FailingSeed is not null;

    /// <summary>The 0-based number of the failing iteration, or null.</summary>
    public int? FailingIteration { get; }

    /// <summary>The failing iteration's seed: pass it to <see cref="Distiller.Reproduce"/>; null when every iteration passed.</summary>
    public int? FailingSeed { get; }

    /// <summary>What failed: the scenario's exception, else the first sparkle failure's; null when every iteration passed.</summary>
    public Exception? Exception { get; }

    /// <summary>The sparkles that threw in the reported iteration: its dead letters with <see cref="DeadLetters.DeadLetterReason.Failed"/>.</summary>
    public IReadOnlyList<DeadLetters.DeadLetter> SparkleFailures { get; }

    /// <summary>The trace of the failing iteration (or of the last one when all passed).</summary>
    public IReadOnlyList<SparkleTrace> Trace { get; }

    /// <summary>Throws a <see cref="DistillerAssertionException"/> that names the seed and ends with the trace, when an iteration failed.</summary>
    /// <exception cref="DistillerAssertionException">An iteration failed.</exception>
    public void AssertPassed()
    {
        if (!Failed)
        {
            return;
        }

        var text = new StringBuilder().Append(this).AppendLine().AppendLine("Trace of the failing schedule:");
        foreach (var entry in Trace.Where(t => t.Depth == 0).TakeLast(40))
        {
            text.Append("  ").AppendLine(entry.ToString());
        }

        throw new DistillerAssertionException(text.ToString(), Exception);
    }

    /// <inheritdoc/>
    public override string ToString() => Failed
        ? $"{Strategy} schedule failed at iteration {FailingIteration} (seed {FailingSeed}; reproduce with Distiller.Reproduce({FailingSeed}, ...)): "
            + $"{Exception?.GetType().Name}: {Exception?.Message}"
        : $"{Strategy}: all {Iterations} iterations passed";
}
