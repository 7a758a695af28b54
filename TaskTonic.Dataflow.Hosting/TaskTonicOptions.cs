using TaskTonic.Dataflow.Supervision;

namespace TaskTonic.Dataflow.Hosting;

/// <summary>
/// The formula and catalyst settings a host binds from configuration (by default the <c>"TaskTonic"</c> section of
/// <c>appsettings.json</c>), plus how the host drains on shutdown and when health checks degrade.
/// </summary>
public sealed class TaskTonicOptions
{
    /// <summary>The configuration section bound by default.</summary>
    public const string DefaultSectionName = "TaskTonic";

    /// <summary>The application's name, used in logs (<see cref="FormulaSettings.ProjectName"/>).</summary>
    public string ProjectName { get; set; } = "tasktonic app";

    /// <summary>The name of the main catalyst (<see cref="FormulaSettings.MainCatalystName"/>).</summary>
    public string MainCatalystName { get; set; } = "tt_main_catalyst";

    /// <summary>The log mode of tonics that choose none (<see cref="FormulaSettings.DefaultLogMode"/>).</summary>
    public LogMode DefaultLogMode { get; set; } = LogMode.Quiet;

    /// <summary>What happens to a failure escalated past a root tonic (<see cref="FormulaSettings.RootEscalation"/>).</summary>
    public RootEscalation RootEscalation { get; set; } = RootEscalation.FailFormula;

    /// <summary>
    /// How long the host waits on shutdown for queued work to run before it finishes the tonics (whatever is still
    /// queued then is dropped, counted and logged). Default 30 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the host waits, after the drain, for the tonics to finish (their finish hooks run, queued work is
    /// dropped and counted). Default 5 seconds.
    /// </summary>
    public TimeSpan FinishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the drain looks at the catalysts' queues. Default 10 ms.</summary>
    public TimeSpan DrainPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Stop the host when the formula ends by itself (every tonic finished, or it failed). Default true.</summary>
    public bool StopHostWhenFinished { get; set; } = true;

    /// <summary>The health check reports Degraded when this many work orders wait in all catalysts together. Default 10,000.</summary>
    public int HealthQueueThreshold { get; set; } = 10_000;

    /// <summary>
    /// The health check reports Degraded once this many dead letters (dropped or failed work orders) were counted;
    /// null (the default) never degrades on dead letters.
    /// </summary>
    public long? HealthDeadLetterThreshold { get; set; }

    /// <summary>Settings of named catalysts; tonics that create a catalyst read them with <see cref="CatalystOptionsFor"/>.</summary>
    public Dictionary<string, CatalystSettings> Catalysts { get; } = new(StringComparer.Ordinal);

    /// <summary>Catalyst options for <paramref name="name"/>: the configured settings, or defaults when none are configured.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public CatalystOptions CatalystOptionsFor(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var settings = Catalysts.TryGetValue(name, out var configured) ? configured : new CatalystSettings();
        return new CatalystOptions { Name = name, Threading = settings.Threading, LogMode = settings.LogMode };
    }

    /// <summary>The formula settings these options describe, with the host's logger factory and clock.</summary>
    internal FormulaSettings ToFormulaSettings(Microsoft.Extensions.Logging.ILoggerFactory loggerFactory, TimeProvider timeProvider) => new()
    {
        ProjectName = ProjectName,
        MainCatalystName = MainCatalystName,
        DefaultLogMode = DefaultLogMode,
        RootEscalation = RootEscalation,
        LoggerFactory = loggerFactory,
        TimeProvider = timeProvider,
    };

    /// <summary>Throws when a value cannot work.</summary>
    internal void Validate()
    {
        if (ShutdownTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "The shutdown timeout cannot be negative.");
        }

        if (FinishTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FinishTimeout), FinishTimeout, "The finish timeout cannot be negative.");
        }

        if (DrainPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DrainPollInterval), DrainPollInterval, "The drain poll interval must be positive.");
        }

        if (string.IsNullOrEmpty(MainCatalystName))
        {
            throw new ArgumentException("The main catalyst needs a name.", nameof(MainCatalystName));
        }
    }
}
