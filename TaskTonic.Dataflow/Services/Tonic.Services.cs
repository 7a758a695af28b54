using TaskTonic.Dataflow.Services;
using TaskTonic.Dataflow.Supervision;

namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    private ServiceLinks? _serviceLinks;

    /// <summary>Set and read under the service directory's lock.</summary>
    internal ServiceLinks? ServiceLinks
    {
        get => _serviceLinks;
        set => _serviceLinks = value;
    }

    /// <summary>
    /// The service <typeparamref name="TService"/> (by its <see cref="TonicServiceAttribute"/> name), built on first access
    /// by the factory registered with <see cref="ServiceDirectory.Register{TService}"/>. This tonic becomes a client: the
    /// service's <c>ttse__on_service_access</c> hook is queued with <paramref name="arguments"/>, and the service finishes
    /// once no real client is left.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not a service type; nothing registered for it and it is not running; another type runs under its name; or it is finishing.</exception>
    protected TService GetService<TService>(object? arguments = null)
        where TService : Tonic => _ledger.Services.Get<TService>(null, arguments, this);

    /// <summary>
    /// The service <typeparamref name="TService"/>; when it is not running and nothing is registered for its name,
    /// <paramref name="create"/> builds it (with this caller's arguments). See <see cref="GetService{TService}(object?)"/>.
    /// </summary>
    protected TService GetService<TService>(Func<TService> create, object? arguments = null)
        where TService : Tonic
    {
        ArgumentNullException.ThrowIfNull(create);
        return _ledger.Services.Get(create, arguments, this);
    }

    /// <summary>Queues the hook <paramref name="sparkleName"/> if this tonic declares it with parameters <paramref name="expected"/>.</summary>
    internal void PostHook(string sparkleName, object? arguments, params Type[] expected)
    {
        var id = _descriptor.FindSparkle(sparkleName);
        if (id < 0)
        {
            return;
        }

        if (!HasParameters(id, expected))
        {
            SupervisionLog.HookSignature(_ledger.GetLogger(GetType()), Name, sparkleName);
            return;
        }

        PostSparkle(id, arguments);
    }

    /// <summary>True when the hook is absent or declared with <paramref name="expected"/> parameters.</summary>
    internal bool HookFits(string sparkleName, params Type[] expected)
    {
        var id = _descriptor.FindSparkle(sparkleName);
        return id < 0 || HasParameters(id, expected);
    }

    private bool HasParameters(int sparkle, Type[] expected)
    {
        var parameters = _descriptor.Sparkles[sparkle].ParameterTypes;
        if (parameters.Count != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (!parameters[i].IsAssignableFrom(expected[i]))
            {
                return false;
            }
        }

        return true;
    }
}
