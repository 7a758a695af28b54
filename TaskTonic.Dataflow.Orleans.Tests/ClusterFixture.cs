using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>
/// Three in-process silos on loopback, each running the "counters" partition on its own formula. Grain storage is
/// <see cref="SharedGrainStorage"/> (the memory provider's data lives on the silos and would go with a stopped one).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Partition = "counters";

    /// <summary>The same counters with int keys, checkpointed every 100 messages (the bulk test's partition).</summary>
    public const string IntPartition = "int-counters";

    /// <summary>The string-keyed counters checkpointed only every 1,000 commands: a command between checkpoints runs with no acknowledgement step (the held loop's fast path).</summary>
    public const string LazyPartition = "lazy-counters";

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Cluster.DisposeAsync();
    }

    /// <summary>
    /// A silo that stops while a message is being forwarded to it can lose the rejection it owes the caller (Orleans
    /// logs "queued for sending after outbound queue was stopped"); the client then waits for its response timeout
    /// before our partition retries. 10 s instead of the default 30 s keeps those tests short, and is still far above
    /// any response time the tests see, even on a loaded box.
    /// </summary>
    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            // random placement: a silo that just joined gets its share of new keys at once (the default placement waits for its load statistics)
            siloBuilder.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(KeyedTonicSiloBuilderExtensions.StorageName,
                (provider, _) => new SharedGrainStorage(provider.GetRequiredService<Serializer>()));
            siloBuilder.AddKeyedTonics<string, CounterTonic>(Partition, (key, options) => new CounterTonic(key, options), o => o
                .Handle<Add>((tonic, add) => tonic.Take(add.Number))
                .Handle<FailOnce>((tonic, fail) => tonic.Apply(fail))
                .Handle<Later>((tonic, later) => tonic.Apply(later))
                .Handle<TakeThenFail>((tonic, message) => tonic.Apply(message))
                .Persist(tonic => tonic.Counter, (tonic, state) => tonic.Counter = state));
            siloBuilder.AddKeyedTonics<string, CounterTonic>(LazyPartition, (key, options) => new CounterTonic(key, options), o =>
            {
                o.Handle<Add>((tonic, add) => tonic.Take(add.Number))
                    .Handle<FailOnce>((tonic, fail) => tonic.Apply(fail))
                    .Handle<Later>((tonic, later) => tonic.Apply(later))
                    .Handle<TakeThenFail>((tonic, message) => tonic.Apply(message))
                    .Persist(tonic => tonic.Counter, (tonic, state) => tonic.Counter = state);
                o.CheckpointEvery = 1_000;
            });
            siloBuilder.AddKeyedTonics<int, CounterTonic>(IntPartition,
                (key, options) => new CounterTonic(key.ToString(System.Globalization.CultureInfo.InvariantCulture), options), o =>
                {
                    o.Handle<Add>((tonic, add) => tonic.Take(add.Number))
                        .Persist(tonic => tonic.Counter, (tonic, state) => tonic.Counter = state);
                    o.CheckpointEvery = 100;
                });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterGroup : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
