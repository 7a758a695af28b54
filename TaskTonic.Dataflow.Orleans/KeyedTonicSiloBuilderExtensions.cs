using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskTonic.Dataflow.Hosting;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>Registers keyed-tonic partitions on an Orleans silo.</summary>
public static class KeyedTonicSiloBuilderExtensions
{
    /// <summary>The name of the grain storage provider the keyed-tonic grains use (register one with this name, e.g. <c>AddMemoryGrainStorage(StorageName)</c>).</summary>
    public const string StorageName = "TaskTonic";

    /// <summary>
    /// Runs the keyed tonics of partition <paramref name="name"/> on this silo: the grain of key K creates K's tonic with
    /// <paramref name="factory"/> on a catalyst of its own, which the grain's turns run (no thread hop per command), and
    /// applies the commands sent by <see cref="OrleansPartition{TKey}"/> through the handlers of <paramref name="configure"/>. The formula is the one of
    /// <see cref="TaskTonicServiceCollectionExtensions.AddTaskTonic"/>; it is registered here when the silo has none yet
    /// (call <c>AddTaskTonic</c> before this method to configure it yourself); the keys' home tonic is a starting tonic of that formula. Grain storage
    /// <see cref="StorageName"/> must be registered.
    /// </summary>
    /// <typeparam name="TKey">string, int, long or Guid.</typeparam>
    /// <typeparam name="T">The keyed tonic type.</typeparam>
    /// <param name="silo">The silo.</param>
    /// <param name="name">The partition's name: the grain keys are <c>"{name}/{key}"</c>; it must not contain '/'.</param>
    /// <param name="factory">Creates the tonic of a key; it must pass the given <see cref="TonicOptions"/> to the tonic's constructor.</param>
    /// <param name="configure">Adds the message handlers and, optionally, the persist hook.</param>
    /// <returns>The silo builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, contains '/', or is already registered.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TKey"/> is not supported.</exception>
    public static ISiloBuilder AddKeyedTonics<TKey, T>(this ISiloBuilder silo, string name, Func<TKey, TonicOptions, T> factory,
        Action<KeyedTonicSiloOptions<T>> configure)
        where TKey : notnull
        where T : Tonic
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(configure);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A partition name must not contain '/'.", nameof(name));
        }

        KeyFormat<TKey>.EnsureSupported();
        var options = new KeyedTonicSiloOptions<T>();
        configure(options);
        options.Validate();
        var services = silo.Services;
        if (services.Any(d => d.ServiceType == typeof(KeyedTonicName) && ((KeyedTonicName?)d.ImplementationInstance)?.Name == name))
        {
            throw new ArgumentException($"A keyed-tonic partition '{name}' is already registered.", nameof(name));
        }

        if (!services.Any(d => d.ServiceType == typeof(TaskTonicHost)))
        {
            services.AddTaskTonic(static _ => { });
        }

        StopFormulaAfterSilo(services);

        var builder = services.Select(d => d.ImplementationInstance).OfType<TaskTonicBuilder>().Single();
        var marker = new KeyedTonicName(name);
        services.AddSingleton(marker);
        services.AddKeyedSingleton(marker, (provider, _) =>
            new KeyedTonicRuntime<TKey, T>(name, factory, options, provider.GetRequiredService<Formula>()));
        services.AddSingleton<IKeyedTonicRuntime>(provider => provider.GetRequiredKeyedService<KeyedTonicRuntime<TKey, T>>(marker));

        // The home of the keys is a starting tonic: it keeps the formula running while the silo runs.
        builder.AddStartingTonic(provider => provider.GetRequiredKeyedService<KeyedTonicRuntime<TKey, T>>(marker).CreateHome());
        return silo;
    }

    /// <summary>
    /// Moves the formula's hosted service in front of every other one (the silo's included): the host starts services in
    /// order and stops them in reverse, so the formula runs before the first grain activates and still runs while the
    /// silo's grains deactivate and save their keys' final state.
    /// </summary>
    private static void StopFormulaAfterSilo(IServiceCollection services)
    {
        var hostedAssembly = typeof(TaskTonicHost).Assembly;
        var formula = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationType == typeof(TaskTonicHost) || d.ImplementationFactory?.Method.DeclaringType?.Assembly == hostedAssembly));
        var first = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService));
        if (formula is null || ReferenceEquals(formula, first))
        {
            return;
        }

        services.Remove(formula);
        services.Insert(services.IndexOf(first!), formula);
    }
}

/// <summary>Marks a registered partition name (duplicate check).</summary>
internal sealed record KeyedTonicName(string Name);
