namespace TaskTonic.Dataflow.Services;

/// <summary>One access to a service, passed to its <c>ttse__on_service_access(ServiceAccess access)</c> hook.</summary>
public sealed class ServiceAccess
{
    internal ServiceAccess(string serviceName, Tonic? client, object? arguments, bool isFirstAccess)
    {
        ServiceName = serviceName;
        Client = client;
        Arguments = arguments;
        IsFirstAccess = isFirstAccess;
    }

    /// <summary>The service's name.</summary>
    public string ServiceName { get; }

    /// <summary>The tonic whose sparkle accessed the service, or null for code outside any sparkle.</summary>
    public Tonic? Client { get; }

    /// <summary>The arguments the client passed with this access (shared by reference: pass immutable values).</summary>
    public object? Arguments { get; }

    /// <summary>True for the access that created the service.</summary>
    public bool IsFirstAccess { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Client?.Name ?? "(outside)"} → {ServiceName}";
}
