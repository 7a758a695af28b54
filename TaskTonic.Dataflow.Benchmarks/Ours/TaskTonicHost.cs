using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Ours;

/// <summary>
/// One running <see cref="Formula"/> per benchmark case: logging in <see cref="LogMode.Stealth"/> (nothing at all),
/// a main catalyst on the thread pool, and an idle starting tonic that keeps the main catalyst alive between runs
/// (a main catalyst finishes by itself once no tonic is bound to it).
/// </summary>
/// <remarks>
/// Tonics are created from the benchmark thread with <see cref="Spawn{T}"/>: a spawn scope whose base is the main
/// catalyst, so every tonic of the suite is an infusion of the main catalyst (or of one of its infusions) and
/// <see cref="Ledger.Shutdown"/> finishes the whole tree.
/// </remarks>
internal sealed class TaskTonicHost : IDisposable
{
    private readonly Formula _formula;
    private readonly Task _run;

    public TaskTonicHost()
    {
        _formula = new Formula(new FormulaOptions { ProjectName = "benchmarks", DefaultLogMode = LogMode.Stealth });
        _formula.AddStartingTonic(static () => new Keeper());
        _run = _formula.RunAsync();
    }

    /// <summary>
    /// Where the suite's variant layout is asked for: <c>TASKTONIC_BENCH_LAYOUT=spread</c> puts communicating tonics
    /// on different catalysts (ping and pong; scatter-gather workers over one catalyst per core). The default keeps a
    /// child on its base's catalyst, as TaskTonic does unless told otherwise.
    /// </summary>
    public static bool Spread { get; } =
        string.Equals(Environment.GetEnvironmentVariable("TASKTONIC_BENCH_LAYOUT"), "spread", StringComparison.OrdinalIgnoreCase);

    public Ledger Ledger => _formula.Ledger;

    public Catalyst MainCatalyst => _formula.MainCatalyst!;

    /// <summary>Runs <paramref name="factory"/> in a spawn scope; the tonics it creates are infusions of <paramref name="parent"/> (default: the main catalyst).</summary>
    public T Spawn<T>(Func<T> factory, Tonic? parent = null)
        where T : Tonic => _formula.Spawn(factory, parent ?? MainCatalyst);

    /// <summary>A new worker catalyst on the thread pool, an infusion of the main catalyst.</summary>
    public Catalyst NewCatalyst(string name) => Spawn(() => new Catalyst(new CatalystOptions { Name = name }));

    /// <summary>Shuts the formula down and waits until every catalyst has completed.</summary>
    public void Dispose()
    {
        _formula.Ledger.Shutdown();
        Wait(_run, "the formula");
    }

    /// <summary>Waits for <paramref name="task"/> with the suite's watchdog.</summary>
    public static void Wait(Task task, string what)
    {
        if (!task.Wait(CompletionSignal.Watchdog))
        {
            throw new TimeoutException($"TaskTonic.Dataflow: {what} did not complete within {CompletionSignal.Watchdog.TotalSeconds:0} s.");
        }
    }

    /// <summary>The idle starting tonic that keeps the main catalyst running until shutdown.</summary>
    private sealed class Keeper : Tonic;
}
