namespace TaskTonic.Dataflow.Supervision;

/// <summary>
/// Shapes the tonic a factory is about to build: a restart's fresh instance takes over its predecessor's id and name,
/// and a service is named after its service name. The first tonic of the expected type built on this thread while the
/// claim is open takes it (in the <see cref="Tonic"/> constructor); nested claims stack.
/// </summary>
internal sealed class ConstructionClaim
{
    [ThreadStatic] private static ConstructionClaim? t_current;

    private readonly ConstructionClaim? _outer;

    private ConstructionClaim(Ledger ledger, Type expectedType, Tonic? predecessor, string? serviceName)
    {
        Ledger = ledger;
        ExpectedType = expectedType;
        Predecessor = predecessor;
        ServiceName = serviceName;
        _outer = t_current;
        t_current = this;
    }

    public Ledger Ledger { get; }

    public Type ExpectedType { get; }

    /// <summary>The incarnation being replaced, for a restart.</summary>
    public Tonic? Predecessor { get; }

    /// <summary>The service name, for a service.</summary>
    public string? ServiceName { get; }

    /// <summary>The tonic that took the claim.</summary>
    public Tonic? ClaimedBy { get; private set; }

    public static ConstructionClaim ForRestart(Tonic predecessor) => new(predecessor.Ledger, predecessor.GetType(), predecessor, null);

    public static ConstructionClaim ForService(Ledger ledger, Type serviceType, string name) => new(ledger, serviceType, null, name);

    /// <summary>Called by every tonic constructor: the open claim this tonic takes, or null (the usual case).</summary>
    public static ConstructionClaim? Take(Tonic tonic, Ledger ledger)
    {
        var claim = t_current;
        if (claim is null || claim.ClaimedBy is not null || !ReferenceEquals(claim.Ledger, ledger) || !claim.ExpectedType.IsInstanceOfType(tonic)
            || (tonic.IsCatalyst && !typeof(Catalyst).IsAssignableFrom(claim.ExpectedType)))
        {
            return null;
        }

        if (claim.Predecessor is { } predecessor && predecessor.GetType() != tonic.GetType())
        {
            throw new InvalidOperationException(
                $"The factory of {predecessor.Name} built a {tonic.GetType().Name}; a restart needs the same type, {predecessor.GetType().Name}.");
        }

        claim.ClaimedBy = tonic;
        return claim;
    }

    /// <summary>The name the claimed tonic gets.</summary>
    public string? NameFor(Tonic tonic, string? given)
    {
        if (Predecessor is { } predecessor)
        {
            return predecessor.HasExplicitName ? predecessor.Name : null;
        }

        if (given is not null && given != ServiceName)
        {
            SupervisionLog.ServiceNameIgnored(Ledger.GetLogger(tonic.GetType()), ServiceName!, given);
        }

        return ServiceName;
    }

    /// <summary>Closes the claim (always call it, in a finally).</summary>
    public void End() => t_current = _outer;
}
