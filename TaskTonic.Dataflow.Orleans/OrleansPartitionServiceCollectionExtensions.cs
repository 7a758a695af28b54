using Microsoft.Extensions.DependencyInjection;

namespace TaskTonic.Dataflow.Orleans;

/// <summary>Registers the client face of a keyed-tonic partition with a Generic Host that runs an Orleans client or silo.</summary>
public static class OrleansPartitionServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="OrleansPartition{TKey}"/> of partition <paramref name="name"/> as a keyed singleton (key:
    /// <paramref name="name"/>), built from the host's <see cref="IGrainFactory"/> (registered by <c>UseOrleansClient</c>
    /// or <c>UseOrleans</c>). Starting tonics of <c>AddTaskTonic</c> receive it with
    /// <c>provider.GetRequiredKeyedService&lt;OrleansPartition&lt;TKey&gt;&gt;(name)</c>; one object per host keeps the
    /// per-key order of all its sends.
    /// </summary>
    /// <typeparam name="TKey">string, int, long or Guid.</typeparam>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The partition's name (as given to <c>AddKeyedTonics</c> on the silos).</param>
    /// <param name="options">The delivery options; null for the defaults.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains '/'.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TKey"/> is not supported.</exception>
    public static IServiceCollection AddOrleansPartition<TKey>(this IServiceCollection services, string name, OrleansPartitionOptions? options = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A partition name must not contain '/'.", nameof(name));
        }

        KeyFormat<TKey>.EnsureSupported();
        services.AddKeyedSingleton(name, (provider, _) => new OrleansPartition<TKey>(provider.GetRequiredService<IGrainFactory>(), name, options));
        return services;
    }
}
