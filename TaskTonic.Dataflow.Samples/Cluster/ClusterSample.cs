using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Hosting;
using TaskTonic.Dataflow.Orleans;

namespace TaskTonic.Dataflow.Samples.Cluster;

/// <summary>
/// The partitioned pipeline across machines: two Orleans silos and a client, each a Generic Host with its own
/// <c>AddTaskTonic</c> formula, in one process on loopback (localhost clustering, free ports). The client sends orders
/// keyed by symbol; each symbol's <see cref="ClusterBook"/> runs on the silo that activated its grain; per-symbol order
/// holds end to end. Prints where the symbols ran and the delivery counts; stops both silos and the client.
/// </summary>
internal static class ClusterSample
{
    private const string Books = "books";
    private const int Symbols = 16;
    private const int Orders = 2_000;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(TextWriter output)
    {
        var (silo1, gateway1, silo2, gateway2) = (FreePort(), FreePort(), FreePort(), FreePort());
        using var first = BuildSilo("silo-1", silo1, gateway1, primary: null);
        await first.StartAsync().WaitAsync(Guard);
        using var second = BuildSilo("silo-2", silo2, gateway2, primary: new IPEndPoint(IPAddress.Loopback, silo1));
        await second.StartAsync().WaitAsync(Guard);

        var clientBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering([gateway1, gateway2]));
        clientBuilder.Services.AddOrleansPartition<string>(Books); // at-least-once, deduplicated: the default
        using var client = clientBuilder.Build();
        await client.StartAsync().WaitAsync(Guard);
        try
        {
            var books = client.Services.GetRequiredKeyedService<OrleansPartition<string>>(Books);
            var sends = new List<Task>(Orders);
            for (var i = 0; i < Orders; i++)
            {
                var symbol = $"SYM{(i * 7) % Symbols:00}";
                sends.Add(books.SendAsync(symbol, new ClusterOrder(symbol, i, 1 + (i % 10), 100 + (i % 50))));
            }

            await Task.WhenAll(sends).WaitAsync(Guard);
            long orders = 0, outOfOrder = 0;
            for (var s = 0; s < Symbols; s++)
            {
                var state = await books.SnapshotAsync<BookState>($"SYM{s:00}").WaitAsync(Guard);
                orders += state?.Orders ?? 0;
                outOfOrder += state?.OutOfOrder ?? 0;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Orders:N0} orders over {Symbols} symbols on 2 silos: {books.Delivered:N0} acknowledged, {orders:N0} in the books' persisted state, " +
                $"{outOfOrder} out of order, {books.Duplicates} duplicates, {books.Failed} failed."));
            foreach (var silo in ClusterBook.Homes.GroupBy(h => h.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {silo.Key}: {silo.Count()} symbols ({string.Join(", ", silo.Select(h => h.Key).Order(StringComparer.Ordinal))})");
            }
        }
        finally
        {
            await client.StopAsync().WaitAsync(Guard);
            await second.StopAsync().WaitAsync(Guard);
            await first.StopAsync().WaitAsync(Guard);
        }
    }

    private static IHost BuildSilo(string name, int siloPort, int gatewayPort, IPEndPoint? primary)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTaskTonic(tonics => tonics.Configure(options => options.ProjectName = name)); // before UseOrleans
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, primary)
            .AddMemoryGrainStorage(KeyedTonicSiloBuilderExtensions.StorageName)
            .AddKeyedTonics<string, ClusterBook>(Books, (symbol, options) => new ClusterBook(symbol, options), o => o
                .Handle<ClusterOrder>((book, order) => book.Apply(order.Sequence, order.Quantity, order.Price))
                .Persist(book => book.Book, (book, state) => book.Book = state)));
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
