using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskTonic.Dataflow.Hosting;

namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>A silo and a client, each a Generic Host with its own <c>AddTaskTonic</c> formula, on loopback with free ports.</summary>
public sealed class GenericHostTests
{
    private const string Partition = "hosted";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OR11_SiloAndClientOnGenericHost_WithAddTaskTonic_CarryKeyedMessagesFromAClientTonic()
    {
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var siloBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        siloBuilder.Services.AddTaskTonic(_ => { }); // the silo's formula: the partition's pool and tonics run on it
        siloBuilder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort)
            .AddMemoryGrainStorage(KeyedTonicSiloBuilderExtensions.StorageName)
            .AddKeyedTonics<string, CounterTonic>(Partition, (key, options) => new CounterTonic(key, options), o => o
                .Handle<Add>((tonic, add) => tonic.Take(add.Number))
                .Persist(tonic => tonic.Counter, (tonic, state) => tonic.Counter = state)));
        using var siloHost = siloBuilder.Build();
        await siloHost.StartAsync().WaitAsync(Guard);

        var clientBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort));
        clientBuilder.Services.AddOrleansPartition<string>(Partition);
        ClusterFeeder? feeder = null;
        clientBuilder.Services.AddTaskTonic(tt => tt.AddStartingTonic(provider =>
            feeder = new ClusterFeeder(provider.GetRequiredKeyedService<OrleansPartition<string>>(Partition))));
        using var clientHost = clientBuilder.Build();
        await clientHost.StartAsync().WaitAsync(Guard);
        try
        {
            feeder!.Feed("or11", 30);
            await feeder.Sent.WaitAsync(Guard);

            var partition = clientHost.Services.GetRequiredKeyedService<OrleansPartition<string>>(Partition);
            Assert.Equal(30, partition.Delivered);
            Assert.Equal(new CounterState(30, 30, 0), await partition.SnapshotAsync<CounterState>("or11").WaitAsync(Guard));
            Assert.Same(siloHost.Services.GetRequiredService<Formula>().Ledger, CounterTonic.Homes["or11"]); // ran on the silo's own formula
        }
        finally
        {
            await clientHost.StopAsync().WaitAsync(Guard);
            await siloHost.StopAsync().WaitAsync(Guard);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
