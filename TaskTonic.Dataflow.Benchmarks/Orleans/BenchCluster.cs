using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using TaskTonic.Dataflow.Hosting;
using TaskTonic.Dataflow.Orleans;

namespace TaskTonic.Dataflow.Benchmarks.Orleans;

/// <summary>
/// An in-process Orleans cluster on loopback (<c>Microsoft.Orleans.TestingHost</c>) whose silos run both our keyed
/// partition <see cref="Partition"/> and the plain <see cref="IPlainKeyedGrain"/>s, so both are reached through the same client.
/// </summary>
internal static class BenchCluster
{
    public const string Partition = "bench";

    public static async Task<TestCluster> StartAsync(int silos)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return cluster;
    }

    public static async Task StopAsync(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            // random placement for both grain types: keys spread over the silos from the first call
            siloBuilder.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
            // the silo's formula logs as little as the in-process one (Stealth): no lifecycle lines per key
            siloBuilder.Services.AddTaskTonic(b => b.Configure(o => o.DefaultLogMode = LogMode.Stealth));
            siloBuilder.AddMemoryGrainStorage(KeyedTonicSiloBuilderExtensions.StorageName);
            siloBuilder.AddKeyedTonics<int, BenchKeyedTonic>(Partition, (_, options) => new BenchKeyedTonic(options), o =>
            {
                o.Handle<Work>((tonic, work) => tonic.Take(work.Number))
                    .Persist(tonic => tonic.Tally, (tonic, tally) => tonic.Tally = tally);

                // no checkpoint inside the run: the plain grains persist nothing either (state is written on deactivation)
                o.CheckpointEvery = int.MaxValue;
            });
        }
    }
}
