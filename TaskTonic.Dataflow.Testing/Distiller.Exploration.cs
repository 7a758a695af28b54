namespace TaskTonic.Dataflow.Testing;

public sealed partial class Distiller
{
    /// <summary>
    /// Runs <paramref name="scenario"/> under <paramref name="iterations"/> seeded schedules, each on a fresh formula and
    /// distiller, and stops at the first failing one: the scenario threw (an assertion of its check) or, by default, a
    /// sparkle threw. The result reports that iteration's seed and trace; <see cref="Reproduce"/> with the seed runs the
    /// same schedule again, exactly.
    /// </summary>
    /// <param name="iterations">How many schedules to try.</param>
    /// <param name="seed">The seed from which every iteration's seed is drawn.</param>
    /// <param name="scenario">Builds the tonics (through <see cref="Formula"/> or <see cref="Spawn{T}"/>), runs it (<see cref="RunUntilIdle"/> and the others) and checks; throws on failure.</param>
    /// <param name="options">The strategy and its parameters; default <see cref="SchedulingStrategy.Random"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is negative, or an option is out of range.</exception>
    public static ExplorationResult Explore(int iterations, int seed, Action<Distiller> scenario, ExplorationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new ExplorationOptions();
        options.Validate();
        var seeds = new Random(seed);
        ExplorationResult? last = null;
        for (var i = 0; i < iterations; i++)
        {
            last = RunIteration(i, seeds.Next(), scenario, options);
            if (last.Failed)
            {
                return last;
            }
        }

        return new ExplorationResult(options.Strategy, iterations, null, null, null, [], last?.Trace ?? []);
    }

    /// <summary>Runs one iteration with the seed an <see cref="Explore"/> reported (same options), giving the same schedule and trace.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ExplorationResult Reproduce(int iterationSeed, Action<Distiller> scenario, ExplorationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new ExplorationOptions();
        options.Validate();
        return RunIteration(0, iterationSeed, scenario, options);
    }

    private static ExplorationResult RunIteration(int iteration, int seed, Action<Distiller> scenario, ExplorationOptions options)
    {
        var formula = options.CreateFormula?.Invoke() ?? new Formula(new FormulaOptions { TimeProvider = new VirtualClock() });
        var distiller = new Distiller(formula, options, seed);
        var failures = new List<DeadLetters.DeadLetter>();
        distiller.Ledger.DeadLetters.Subscribe(letter =>
        {
            if (letter.Reason == DeadLetters.DeadLetterReason.Failed)
            {
                failures.Add(letter);
            }
        });
        Exception? exception = null;
        try
        {
            scenario(distiller);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            exception = ex;
        }

        var failed = exception is not null || (options.FailOnSparkleFailure && failures.Count > 0);
        return new ExplorationResult(options.Strategy, iteration + 1, failed ? iteration : null, failed ? seed : null,
            exception ?? (failed ? failures[0].Exception : null), failures, [.. distiller.Trace]);
    }
}
