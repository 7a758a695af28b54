namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// The conditions of one tonic in a <see cref="Contract"/>, found by name (live tonics first, then tonics the trace saw).
/// The tonic matches when any condition holds; a tonic without conditions, or one the distiller never saw, never matches.
/// </summary>
public sealed class TonicContract
{
    private readonly List<string> _states = [];
    private readonly List<string> _sparkles = [];
    private readonly List<(string Member, object? Value)> _probeValues = [];
    private readonly List<string> _probes = [];

    internal TonicContract(string tonicName) => TonicName = tonicName;

    /// <summary>The tonic's name.</summary>
    public string TonicName { get; }

    /// <summary>The probes traced for this tonic.</summary>
    public IReadOnlyList<string> Probes => _probes;

    /// <summary>Holds while the tonic is in one of <paramref name="states"/> (checked after every work order).</summary>
    /// <returns>This tonic's conditions.</returns>
    public TonicContract StateIn(params string[] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        _states.AddRange(states);
        return this;
    }

    /// <summary>Holds when the tonic has just run one of <paramref name="sparkles"/> (TaskTonic or entry point names).</summary>
    /// <returns>This tonic's conditions.</returns>
    public TonicContract SparkleIn(params string[] sparkles)
    {
        ArgumentNullException.ThrowIfNull(sparkles);
        _sparkles.AddRange(sparkles);
        return this;
    }

    /// <summary>
    /// Holds when the member <paramref name="member"/> (a field or property, any visibility) equals <paramref name="value"/>;
    /// numbers compare by value across types. The member is also probed.
    /// </summary>
    /// <returns>This tonic's conditions.</returns>
    public TonicContract ProbeEquals(string member, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(member);
        _probeValues.Add((member, value));
        if (!_probes.Contains(member))
        {
            _probes.Add(member);
        }

        return this;
    }

    /// <summary>Snapshots these members (fields or properties, any visibility) before and after each of the tonic's sparkles.</summary>
    /// <returns>This tonic's conditions.</returns>
    public TonicContract Probe(params string[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var member in members)
        {
            if (!_probes.Contains(member))
            {
                _probes.Add(member);
            }
        }

        return this;
    }

    /// <summary>The reasons the tonic matches now (empty when it does not).</summary>
    internal List<string> Match(Tonic tonic, IReadOnlyList<SparkleTrace> trace, int traceFrom)
    {
        var reasons = new List<string>();
        if (tonic.StateName is { } state && _states.Contains(state))
        {
            reasons.Add($"state: '{state}'");
        }

        foreach (var sparkle in _sparkles)
        {
            for (var i = traceFrom; i < trace.Count; i++)
            {
                if (ReferenceEquals(trace[i].Tonic, tonic) && trace[i].IsNamed(sparkle))
                {
                    reasons.Add($"sparkle: '{sparkle}'");
                    break;
                }
            }
        }

        foreach (var (member, expected) in _probeValues)
        {
            if (ProbeReader.TryRead(tonic, member, out var actual) && ProbeReader.ValuesEqual(actual, expected))
            {
                reasons.Add($"probe: {member} == {TraceFormat.Value(expected)}");
            }
        }

        return reasons;
    }
}
