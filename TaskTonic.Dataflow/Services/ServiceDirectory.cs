using System.Reflection;
using TaskTonic.Dataflow.Internal;
using TaskTonic.Dataflow.Supervision;

namespace TaskTonic.Dataflow.Services;

/// <summary>
/// The services of one ledger: one instance per service name, built on first access, shared by every client, and
/// finished once no real client is left. A client is the tonic whose sparkle accessed the service; tonics that belong
/// to a service (created by it, directly or not) do not keep it alive, and services that only use each other shut down
/// together (the directory traces who is reachable from a real client).
/// </summary>
/// <remarks>
/// The service is a root tonic (not an infusion of its first client) on its own catalyst unless
/// <see cref="TonicServiceAttribute.OwnCatalyst"/> is false. Service construction is serialized per ledger.
/// </remarks>
public sealed partial class ServiceDirectory
{
    private static readonly Type[] s_accessHook = [typeof(ServiceAccess)];
    private static readonly Type[] s_clientLeftHook = [typeof(int), typeof(int)];
    private static readonly Type[] s_completedHook = [typeof(string)];

    private readonly Ledger _ledger;
    private readonly Lock _gate = new();
    private readonly object _creation = new();
    private readonly Dictionary<string, ServiceEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Type Type, Func<Tonic> Factory)> _registrations = new(StringComparer.Ordinal);

    internal ServiceDirectory(Ledger ledger)
    {
        _ledger = ledger;
    }

    /// <summary>The running services (finishing ones included).</summary>
    public IReadOnlyList<Tonic> Running
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Values.Select(e => e.Instance)];
            }
        }
    }

    /// <summary>The service name of a service type, from its (inherited) <see cref="TonicServiceAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException">The type has no service attribute.</exception>
    public static string NameOf(Type serviceType) => AttributeOf(serviceType).Name;

    /// <summary>The running service with this name, or null.</summary>
    public Tonic? Find(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        lock (_gate)
        {
            return _entries.TryGetValue(serviceName, out var entry) ? entry.Instance : null;
        }
    }

    /// <summary>
    /// Registers the factory that builds the service named by <typeparamref name="TService"/> (usually a concrete subclass
    /// of an abstract service type), so <c>GetService&lt;TService&gt;()</c> works without a factory of its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">A factory is already registered under that name.</exception>
    public void Register<TService>(Func<TService> factory)
        where TService : Tonic
    {
        ArgumentNullException.ThrowIfNull(factory);
        var name = NameOf(typeof(TService));
        lock (_gate)
        {
            if (_registrations.TryGetValue(name, out var existing))
            {
                throw new InvalidOperationException(
                    $"Service '{name}' is already registered (for {existing.Type.Name}); one name serves one service type.");
            }

            _registrations[name] = (typeof(TService), () => factory());
        }
    }

    /// <summary>
    /// The service <typeparamref name="TService"/>, built on first access (by the registered factory, else
    /// <paramref name="create"/>). Called from a sparkle, the running tonic becomes a client and the service's access hook is
    /// queued with <paramref name="arguments"/>; from outside any sparkle there is no client.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// Not a service type; an abstract type with nothing registered; nothing to build it with; another type runs under its
    /// name; it is finishing; or the factory did not create the service tonic itself.
    /// </exception>
    public TService Get<TService>(Func<TService>? create = null, object? arguments = null)
        where TService : Tonic =>
        Get(create, arguments, ReferenceEquals(Ambient.Ledger, _ledger) ? Ambient.Tonic : null);

    internal TService Get<TService>(Func<TService>? create, object? arguments, Tonic? client)
        where TService : Tonic
    {
        var attribute = AttributeOf(typeof(TService));
        var name = attribute.Name;
        ServiceEntry entry;
        bool created;
        lock (_creation)
        {
            lock (_gate)
            {
                _entries.TryGetValue(name, out entry!);
            }

            created = entry is null;
            if (entry is null)
            {
                var instance = Build(name, ResolveFactory<TService>(name, create), typeof(TService), attribute, client);
                entry = new ServiceEntry(name, instance);
                lock (_gate)
                {
                    (instance.ServiceLinks ??= new ServiceLinks()).AsService = entry;
                    _entries[name] = entry;
                }
            }
            else if (entry.Finishing)
            {
                throw new InvalidOperationException($"Service '{name}' is finishing; it can be used again once it has completed.");
            }
        }

        if (entry.Instance is not TService service)
        {
            throw new InvalidOperationException(
                $"Service '{name}' runs as a {entry.Instance.GetType().Name}, which is not a {typeof(TService).Name}: two different types are declared under one name.");
        }

        if (client is not null && !ReferenceEquals(client, service) && !client.IsFinishing)
        {
            lock (_gate)
            {
                if (!entry.Clients.Contains(client))
                {
                    entry.Clients.Add(client);
                    entry.HadClients = true;
                    (client.ServiceLinks ??= new ServiceLinks()).Using.Add(entry);
                }
            }
        }

        service.PostHook("ttse__on_service_access", new ServiceAccess(name, client, arguments, created), s_accessHook);
        return service;
    }

    private Func<Tonic> ResolveFactory<TService>(string name, Func<TService>? create)
        where TService : Tonic
    {
        lock (_gate)
        {
            if (_registrations.TryGetValue(name, out var registration))
            {
                return registration.Factory;
            }
        }

        if (create is not null)
        {
            return () => create();
        }

        throw new InvalidOperationException(typeof(TService).IsAbstract
            ? $"No service is registered under '{name}' for the abstract type {typeof(TService).Name}: register a concrete one " +
              $"(ledger.Services.Register<{typeof(TService).Name}>(() => new Concrete())) or create it before it is used."
            : $"Service '{name}' is not running and nothing is registered for it: pass a factory on first access " +
              $"(GetService(() => new {typeof(TService).Name}(...))) or register one.");
    }

    private Tonic Build(string name, Func<Tonic> factory, Type requested, TonicServiceAttribute attribute, Tonic? client)
    {
        var main = _ledger.MainCatalyst ?? throw new InvalidOperationException($"Service '{name}' cannot start before the main catalyst exists.");
        var outer = Ambient.Enter(_ledger, null, SystemSparkle.Spawn, client, SystemSparkle.None, Ambient.Running);
        Catalyst? own = null;
        try
        {
            if (attribute.OwnCatalyst)
            {
                own = new Catalyst(new CatalystOptions { Name = name + ".catalyst" });
            }

            var inner = Ambient.Enter(_ledger, own ?? main, SystemSparkle.Spawn, client, SystemSparkle.None, Ambient.Running);
            Tonic instance;
            var claim = ConstructionClaim.ForService(_ledger, requested, name);
            try
            {
                instance = ConstructionLog.Build(factory);
                if (!ReferenceEquals(claim.ClaimedBy, instance))
                {
                    throw new InvalidOperationException($"The factory of service '{name}' must create the service tonic itself and return it.");
                }

                if (!instance.HookFits("ttse__on_service_access", s_accessHook) || !instance.HookFits("ttse__on_service_base_completed", s_clientLeftHook))
                {
                    instance.RequestFinish();
                    throw new InvalidOperationException(
                        $"{instance.GetType().Name}: ttse__on_service_access takes one ServiceAccess, ttse__on_service_base_completed takes (int clientId, int clientsLeft).");
                }
            }
            finally
            {
                claim.End();
                Ambient.Exit(inner);
            }

            if (own is not null && !ReferenceEquals(instance.Catalyst, own))
            {
                own.RequestFinish();
            }

            return instance;
        }
        catch
        {
            own?.RequestFinish();
            throw;
        }
        finally
        {
            Ambient.Exit(outer);
        }
    }

    private static TonicServiceAttribute AttributeOf(Type type) =>
        type.GetCustomAttribute<TonicServiceAttribute>(inherit: true) ?? throw new InvalidOperationException(
            $"{type.Name} is not a service: mark the class (or a base class) with [TonicService(\"name\")].");
}
