using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Services;
using TaskTonic.Dataflow.Testing;
using TaskTonic.Dataflow.Tests.Core;

namespace TaskTonic.Dataflow.Tests.Services;

/// <summary>Behaviour reference §2.8 (SV-01 … SV-07) and §4.2, plus dependency shutdown, catalysts and bad input.</summary>
public sealed partial class ServiceTests
{
    private sealed class Count
    {
        public int Value;
    }

    [TonicService("srv")]
    private sealed partial class Srv : Tonic
    {
        public Srv(Count inits, string srvX, string? name = null)
            : base(name)
        {
            inits.Value++;
            SrvX = srvX;
        }

        public string SrvX { get; }

        public List<ServiceAccess> Accesses { get; } = [];

        public List<Catalyst?> AccessRanOn { get; } = [];

        public List<(int ClientId, int Left)> ClientsLeft { get; } = [];

        public bool Finished { get; private set; }

        private void ttse__on_service_access(ServiceAccess access)
        {
            Accesses.Add(access);
            AccessRanOn.Add(Ambient.Running);
        }

        private void ttse__on_service_base_completed(int clientId, int clientsLeft) => ClientsLeft.Add((clientId, clientsLeft));

        private void ttse__on_finished() => Finished = true;

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Client : Tonic
    {
        private readonly Count _inits;
        private readonly string? _serviceName;

        public Client(string name, Count inits, string? serviceName = null)
            : base(name)
        {
            _inits = inits;
            _serviceName = serviceName;
        }

        public Srv? Service { get; private set; }

        public bool SrvCompleted { get; private set; }

        private void ttse__on_start() => Service = GetService(() => new Srv(_inits, Name, _serviceName), arguments: Name);

        private void ttse__on_srv_completed() => SrvCompleted = true;

        private void ttsc__quit() => Finish();
    }

    [TonicService("conn")]
    private abstract partial class ConnectionService : Tonic
    {
        public abstract string Kind { get; }
    }

    private sealed partial class IpConnectionService : ConnectionService
    {
        public IpConnectionService(Count inits)
        {
            inits.Value++;
        }

        public override string Kind => "ip";
    }

    private sealed partial class ConnectionUser : Tonic
    {
        public ConnectionService? Connection { get; private set; }

        public string? CompletedService { get; private set; }

        private void ttse__on_start() => Connection = GetService<ConnectionService>();

        private void ttse__on_service_completed(string name) => CompletedService = name;

        private void ttsc__quit() => Finish();
    }

    /// <summary>A service that creates an internal worker, which itself accesses the service.</summary>
    [TonicService("alpha")]
    private sealed partial class Alpha : Tonic
    {
        public AlphaWorker? Worker { get; private set; }

        private void ttse__on_start() => Worker = new AlphaWorker();
    }

    private sealed partial class AlphaWorker : Tonic
    {
        private void ttse__on_start() => GetService<Alpha>();
    }

    private sealed partial class AlphaUser(string name) : Tonic(name)
    {
        public Alpha? Alpha { get; private set; }

        private void ttse__on_start() => Alpha = GetService(() => new Alpha());

        private void ttsc__quit() => Finish();
    }

    [TonicService("ping")]
    private sealed partial class PingService(TaskCompletionSource? linked) : Tonic
    {
        public PongService? Pong { get; private set; }

        private void ttse__on_start() => Pong = GetService(() => new PongService(linked));
    }

    [TonicService("pong")]
    private sealed partial class PongService(TaskCompletionSource? linked) : Tonic
    {
        public PingService? Ping { get; private set; }

        private void ttse__on_start()
        {
            Ping = GetService<PingService>();
            linked?.TrySetResult();
        }
    }

    /// <summary>Uses ping, which uses pong, which uses ping; <paramref name="linked"/> completes once the cycle is closed.</summary>
    private sealed partial class PingUser(TaskCompletionSource? linked = null) : Tonic
    {
        public PingService? Ping { get; private set; }

        private void ttse__on_start() => Ping = GetService(() => new PingService(linked));

        private void ttsc__quit() => Finish();
    }

    [TonicService("main-srv", OwnCatalyst = false)]
    private sealed partial class MainService : Tonic
    {
    }

    [TonicService("dup")]
    private sealed partial class DupA : Tonic
    {
    }

    [TonicService("dup")]
    private sealed partial class DupB : Tonic
    {
    }

    private sealed partial class NotAService : Tonic
    {
    }

    private static (Distiller Distiller, Count Inits) Start(FormulaOptions? settings = null)
    {
        var distiller = settings is null ? new Distiller() : new Distiller(new Formula(settings));
        distiller.Start();
        return (distiller, new Count());
    }

    [Fact]
    public void SV_01_one_instance_built_with_the_first_callers_arguments_and_a_queued_hook_per_access_on_the_service_catalyst()
    {
        var (distiller, inits) = Start();
        var c1 = distiller.Spawn(() => new Client("c1", inits));
        var c2 = distiller.Spawn(() => new Client("c2", inits));
        var result = distiller.RunUntilIdle();

        var srv = c1.Service!;
        Assert.Same(srv, c2.Service);
        Assert.Equal(1, inits.Value);
        Assert.Equal("c1", srv.SrvX);
        Assert.Equal("srv", srv.Name);
        Assert.Same(srv, distiller.Ledger.Services.Find("srv"));
        Assert.Same(srv, distiller.Ledger.Find("srv"));
        Assert.Equal([c1, c2], srv.Accesses.Select(a => a.Client));
        Assert.Equal(["c1", "c2"], srv.Accesses.Select(a => (string)a.Arguments!));
        Assert.Equal([true, false], srv.Accesses.Select(a => a.IsFirstAccess));

        // The service is a root on a catalyst of its own, not an infusion of its first client (§4.2 item 18).
        Assert.NotSame(c1.Catalyst, srv.Catalyst);
        Assert.Equal("srv.catalyst", srv.Catalyst.Name);
        Assert.Same(srv.Catalyst, srv.Parent);
        Assert.DoesNotContain(srv, c1.Infusions);
        Assert.All(srv.AccessRanOn, c => Assert.Same(srv.Catalyst, c));

        // Queued: each hook runs as its own sparkle on the service, after the client's on_start returned.
        var hooks = result.Trace.Where(t => t.Sparkle == "ttse__on_service_access").ToList();
        Assert.Equal(2, hooks.Count);
        Assert.All(hooks, h => Assert.Same(srv, h.Tonic));
        Assert.All(hooks, h => Assert.Equal(0, h.Depth));
        Assert.Equal(["c1", "c2"], hooks.Select(h => h.Source.Tonic!.Name));
    }

    [Fact]
    public void SV_02_and_SV_03_a_client_leaving_is_reported_and_the_last_one_tears_the_service_down()
    {
        var (distiller, inits) = Start();
        var c1 = distiller.Spawn(() => new Client("c1", inits));
        var c2 = distiller.Spawn(() => new Client("c2", inits));
        distiller.RunUntilIdle();
        var srv = c1.Service!;

        c1.Quit();
        distiller.RunUntilIdle();
        Assert.Equal([(c1.Id, 1)], srv.ClientsLeft);
        Assert.False(srv.IsFinishing);

        c2.Quit();
        distiller.RunUntilIdle();
        Assert.Equal([(c1.Id, 1), (c2.Id, 0)], srv.ClientsLeft);
        Assert.True(srv.Finished);
        Assert.True(srv.IsCompleted);
        Assert.True(srv.Catalyst.IsCompleted);
        Assert.Null(distiller.Ledger.Services.Find("srv"));
        Assert.Null(distiller.Ledger.Find("srv"));
        Assert.Empty(distiller.Ledger.Services.Running);
    }

    [Fact]
    public void SV_04_a_services_own_worker_does_not_keep_it_alive_but_a_real_client_does()
    {
        var (distiller, _) = Start();
        var x = distiller.Spawn(() => new AlphaUser("x"));
        var y = distiller.Spawn(() => new AlphaUser("y"));
        distiller.RunUntilIdle();
        var alpha = x.Alpha!;
        Assert.NotNull(alpha.Worker);

        x.Quit();
        distiller.RunUntilIdle();
        Assert.False(alpha.IsFinishing);

        y.Quit();
        distiller.RunUntilIdle();
        Assert.True(alpha.IsCompleted);
        Assert.True(alpha.Worker!.IsCompleted);
        Assert.Empty(distiller.Ledger.Services.Running);
    }

    [Fact]
    public void SV_04b_services_that_use_each_other_shut_down_together_when_the_last_real_client_leaves()
    {
        var (distiller, _) = Start();
        var user = distiller.Spawn(() => new PingUser());
        distiller.RunUntilIdle();
        var ping = user.Ping!;
        var pong = ping.Pong!;
        Assert.Same(ping, pong.Ping);

        user.Quit();
        var result = distiller.RunUntilIdle();

        Assert.True(ping.IsCompleted);
        Assert.True(pong.IsCompleted);
        Assert.True(result.StoppedBecause(StopReasons.CatalystFinished));
        Assert.Equal(0, distiller.Ledger.Count);
    }

    [Fact]
    public async Task SV_04c_mutually_dependent_services_on_real_catalysts_leave_no_zombie_and_RunAsync_ends()
    {
        var formula = new Formula();
        var linked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        PingUser? user = null;
        formula.AddStartingTonic(() => user = new PingUser(linked));
        var run = formula.RunAsync();
        await linked.Task.Within();

        user!.Quit();
        await run.Within();

        Assert.True(user.Ping!.IsCompleted);
        Assert.True(user.Ping.Pong!.IsCompleted);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public void SV_05_an_abstract_service_type_gets_the_concrete_instance_created_first_in_the_formula()
    {
        var distiller = new Distiller();
        var inits = new Count();
        IpConnectionService? created = null;
        distiller.Formula.AddStartingTonic(() => created = distiller.Ledger.Services.Get(() => new IpConnectionService(inits)));
        distiller.Start();
        var user = distiller.Spawn(() => new ConnectionUser());
        distiller.RunUntilIdle();

        Assert.Same(created, user.Connection);
        Assert.Equal("ip", user.Connection!.Kind);
        Assert.Equal(1, inits.Value);
        Assert.Equal("conn", user.Connection.Name);
    }

    [Fact]
    public void SV_05b_an_abstract_service_type_is_built_from_the_concrete_registration()
    {
        var (distiller, inits) = Start();
        distiller.Ledger.Services.Register<ConnectionService>(() => new IpConnectionService(inits));
        var u1 = distiller.Spawn(() => new ConnectionUser());
        var u2 = distiller.Spawn(() => new ConnectionUser());
        distiller.RunUntilIdle();

        Assert.IsType<IpConnectionService>(u1.Connection);
        Assert.Same(u1.Connection, u2.Connection);
        Assert.Equal(1, inits.Value);
    }

    [Fact]
    public void SV_06_a_service_finishing_by_itself_tells_its_clients()
    {
        var (distiller, inits) = Start();
        distiller.Ledger.Services.Register<ConnectionService>(() => new IpConnectionService(inits));
        var client = distiller.Spawn(() => new Client("c", inits));
        var user = distiller.Spawn(() => new ConnectionUser());
        distiller.RunUntilIdle();

        client.Service!.Quit();
        distiller.RunUntilIdle();
        Assert.True(client.SrvCompleted);
        Assert.False(client.IsFinishing);

        user.Connection!.Finish();
        distiller.RunUntilIdle();
        Assert.Equal("conn", user.CompletedService);
    }

    [Fact]
    public void SV_07_a_name_given_by_the_constructor_is_ignored_with_a_warning()
    {
        var logs = new CapturingLoggerFactory();
        var (distiller, inits) = Start(new FormulaOptions { TimeProvider = new VirtualClock(), LoggerFactory = logs });
        var client = distiller.Spawn(() => new Client("c", inits, serviceName: "other"));
        distiller.RunUntilIdle();

        Assert.Equal("srv", client.Service!.Name);
        Assert.Null(distiller.Ledger.Find("other"));
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("'other'", StringComparison.Ordinal));
    }

    [Fact]
    public void SV_08_a_service_can_run_on_the_main_catalyst_as_its_infusion()
    {
        var (distiller, _) = Start();
        var service = distiller.Ledger.Spawn(() => distiller.Ledger.Services.Get(() => new MainService()));
        distiller.RunUntilIdle();

        Assert.Same(distiller.Formula.MainCatalyst, service.Catalyst);
        Assert.Same(distiller.Formula.MainCatalyst, service.Parent);
        Assert.Contains(service, distiller.Formula.MainCatalyst!.Infusions);
    }

    [Fact]
    public void SV_09_bad_input_is_a_clear_error()
    {
        var (distiller, _) = Start();
        var services = distiller.Ledger.Services;

        var unregistered = Assert.Throws<InvalidOperationException>(() => services.Get<ConnectionService>());
        Assert.Contains("No service is registered under 'conn' for the abstract type ConnectionService", unregistered.Message, StringComparison.Ordinal);

        services.Get(() => new DupA());
        var twoTypes = Assert.Throws<InvalidOperationException>(() => services.Get(() => new DupB()));
        Assert.Contains("two different types are declared under one name", twoTypes.Message, StringComparison.Ordinal);

        services.Register<ConnectionService>(() => new IpConnectionService(new Count()));
        Assert.Throws<InvalidOperationException>(() => services.Register<ConnectionService>(() => new IpConnectionService(new Count())));

        var notService = Assert.Throws<InvalidOperationException>(() => services.Get(() => new NotAService()));
        Assert.Contains("is not a service", notService.Message, StringComparison.Ordinal);

        var noFactory = Assert.Throws<InvalidOperationException>(() => services.Get<Srv>());
        Assert.Contains("pass a factory on first access", noFactory.Message, StringComparison.Ordinal);
    }
}
