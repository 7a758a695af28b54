using Microsoft.Extensions.DependencyInjection;

namespace TaskTonic.Dataflow.Hosting;

/// <summary>
/// Describes the formula a host runs: its starting tonics (built with dependencies from the service provider) and,
/// optionally, the formula class. Passed to <see cref="TaskTonicServiceCollectionExtensions.AddTaskTonic"/>.
/// </summary>
public sealed class TaskTonicBuilder
{
    private readonly List<Func<IServiceProvider, Tonic>> _startingTonics = [];

    internal TaskTonicBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection, to register what the tonics depend on.</summary>
    public IServiceCollection Services { get; }

    internal IReadOnlyList<Func<IServiceProvider, Tonic>> StartingTonics => _startingTonics;

    internal Func<IServiceProvider, FormulaSettings, Formula> FormulaFactory { get; private set; } = static (_, settings) => new Formula(settings);

    /// <summary>
    /// Adds a starting tonic of type <typeparamref name="T"/>, built when the host starts with its public constructor's
    /// parameters resolved from the service provider (singletons; the formula and its ledger are resolvable too).
    /// </summary>
    /// <returns>This builder, for chaining.</returns>
    public TaskTonicBuilder AddStartingTonic<T>()
        where T : Tonic
    {
        _startingTonics.Add(static provider => ActivatorUtilities.CreateInstance<T>(provider));
        return this;
    }

    /// <summary>Adds a starting tonic built by <paramref name="factory"/> when the host starts (inside the formula step).</summary>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public TaskTonicBuilder AddStartingTonic<T>(Func<IServiceProvider, T> factory)
        where T : Tonic
    {
        ArgumentNullException.ThrowIfNull(factory);
        _startingTonics.Add(provider => factory(provider));
        return this;
    }

    /// <summary>
    /// Uses a formula of your own class (for example one overriding <c>CreateStartingTonics</c>); it must be built with
    /// the settings given, which carry the bound options, the host's logger factory and clock.
    /// </summary>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public TaskTonicBuilder UseFormula(Func<IServiceProvider, FormulaSettings, Formula> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        FormulaFactory = factory;
        return this;
    }

    /// <summary>Changes the options after configuration was bound (code wins over <c>appsettings.json</c>).</summary>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public TaskTonicBuilder Configure(Action<TaskTonicOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.PostConfigure(configure);
        return this;
    }
}
