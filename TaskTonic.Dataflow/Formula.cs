using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow;

/// <summary>
/// Builds and runs an application: creates the <see cref="Ledger"/>, the main catalyst and the starting tonics,
/// then runs until the main catalyst completes (when no tonic is bound to it any more, or on
/// <see cref="Ledger.Shutdown"/>). Subclass it and override <see cref="CreateStartingTonics"/> (TaskTonic style), or
/// pass starting tonics to <see cref="AddStartingTonic(Func{Tonic})"/>.
/// </summary>
public class Formula
{
    private readonly List<Func<Tonic>> _startingTonics = [];
    private int _started;

    /// <summary>Creates a formula with default settings.</summary>
    public Formula()
        : this(new FormulaSettings())
    {
    }

    /// <summary>Creates a formula with the given settings.</summary>
    public Formula(FormulaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Ledger = new Ledger(settings);
    }

    /// <summary>This run's ledger.</summary>
    public Ledger Ledger { get; }

    /// <summary>The phase of the run.</summary>
    public FormulaStatus Status { get; private set; }

    /// <summary>The main catalyst, once <see cref="RunAsync"/> created it.</summary>
    public Catalyst? MainCatalyst => Ledger.MainCatalyst;

    /// <summary>Adds a starting tonic: the factory runs in the formula step, so the tonic's base is the main catalyst.</summary>
    /// <returns>This formula, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The formula already runs.</exception>
    public Formula AddStartingTonic(Func<Tonic> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("Starting tonics must be added before the formula runs.");
        }

        _startingTonics.Add(factory);
        return this;
    }

    /// <summary>
    /// Runs the application: creates the main catalyst and the starting tonics, and completes when the main
    /// catalyst has completed and every other catalyst was finished.
    /// </summary>
    /// <param name="cancellationToken">Cancelling shuts the application down gracefully (as <see cref="Ledger.Shutdown"/>).</param>
    /// <exception cref="InvalidOperationException">The formula was already run.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var main = Start();
        using (cancellationToken.Register(static l => ((Ledger)l!).Shutdown(), Ledger))
        {
            await main.Completion.ConfigureAwait(false);
        }

        // Roots outside the main tree (none in the usual case) are finished now that the main catalyst finished.
        Ledger.Shutdown();
        foreach (var root in Ledger.Snapshot().Where(t => t.Base is null))
        {
            await root.Completion.ConfigureAwait(false);
        }

        Status = FormulaStatus.MainFinished;
        if (Ledger.Supervision.Fault is { } fault)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }
    }

    /// <summary>Runs the application and blocks the calling thread until it has finished; see <see cref="RunAsync"/>.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Creates a tonic from code outside any sparkle while the formula runs; see <see cref="Ledger.Spawn{T}"/>.</summary>
    public T Spawn<T>(Func<T> factory, Tonic? @base = null)
        where T : Tonic => Ledger.Spawn(factory, @base);

    /// <summary>Creates the main catalyst. Override to use another catalyst class.</summary>
    protected virtual Catalyst CreateMainCatalyst() => new(new CatalystOptions { Name = Ledger.Settings.MainCatalystName });

    /// <summary>Creates the starting tonics. Runs as a formula step: tonics created here are infusions of the main catalyst.</summary>
    protected virtual void CreateStartingTonics()
    {
    }

    /// <summary>Creates the main catalyst and the starting tonics and queues their starts; returns the main catalyst.</summary>
    internal Catalyst Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A formula runs once; create a new Formula to run again.");
        }

        Status = FormulaStatus.StartCatalysts;
        var frame = Ambient.Enter(Ledger, null, SystemSparkle.Formula, null, SystemSparkle.None);
        Catalyst main;
        try
        {
            // A failing step abandons every tonic the start created (the main catalyst included): the ledger is left empty.
            main = ConstructionLog.Build(() => CreateAll(frame.Context));
            Status = FormulaStatus.MainRunning;
        }
        catch
        {
            Status = FormulaStatus.MainFinished;
            throw;
        }
        finally
        {
            Ambient.Exit(frame);
        }

        return main;
    }

    private Catalyst CreateAll(FrameContext context)
    {
        var main = CreateMainCatalyst();
        Ledger.MainCatalyst = main;

        // One frame for the whole start: the starting tonics are infusions of the main catalyst, and every start
        // (the main catalyst's first) is queued when the frame ends, after the status says the main catalyst runs.
        context.Tonic = main;
        CreateStartingTonics();
        foreach (var factory in _startingTonics)
        {
            factory();
        }

        return main;
    }
}
