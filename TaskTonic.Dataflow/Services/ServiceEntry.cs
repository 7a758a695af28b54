namespace TaskTonic.Dataflow.Services;

/// <summary>One running service and its clients. Guarded by the directory's lock.</summary>
internal sealed class ServiceEntry(string name, Tonic instance)
{
    public string Name { get; } = name;

    public Tonic Instance { get; set; } = instance;

    public List<Tonic> Clients { get; } = [];

    /// <summary>True once a client came: from then on the service finishes when no real client is left.</summary>
    public bool HadClients { get; set; }

    public bool Finishing { get; set; }
}

/// <summary>A tonic's part in services: the service it is (if any) and the services it uses.</summary>
internal sealed class ServiceLinks
{
    public ServiceEntry? AsService { get; set; }

    public List<ServiceEntry> Using { get; } = [];
}
