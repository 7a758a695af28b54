namespace TaskTonic.Dataflow.Testing;

/// <summary>
/// A stop condition over several tonics for <see cref="Distiller.RunUntil(Contract, TimeSpan?)"/>: each named tonic matches when any of its
/// conditions holds (state in, sparkle in, probe equals); the contract is met when enough tonics match (any, all, or
/// a number). It also names the probes, tonic members the trace snapshots before and after each sparkle.
/// The distiller never changes a contract.
/// </summary>
/// <example>
/// <code>
/// var contract = new Contract()
///     .For("Device_Fast", t => t.StateIn("paused"))
///     .For("Device_Slow", t => t.StateIn("paused").Probe("CycleCount"))
///     .MatchAll();
/// var result = distiller.RunUntil(contract);
/// </code>
/// </example>
public sealed class Contract
{
    private readonly List<TonicContract> _tonics = [];
    private readonly List<string> _probes = [];
    private int _matchCount = 1;
    private bool _all;

    /// <summary>The tonic conditions, in the order they were added.</summary>
    public IReadOnlyList<TonicContract> Tonics => _tonics;

    /// <summary>The probes of tonics that name none of their own.</summary>
    public IReadOnlyList<string> Probes => _probes;

    /// <summary>How many tonics must match: 1 by default, the number of tonics after <see cref="MatchAll"/>.</summary>
    public int TargetCount => _all ? _tonics.Count : _matchCount;

    /// <summary>Adds (or extends) the conditions and probes of the tonic named <paramref name="tonicName"/>.</summary>
    /// <returns>This contract.</returns>
    public Contract For(string tonicName, Action<TonicContract> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(tonicName);
        ArgumentNullException.ThrowIfNull(configure);
        var tonic = _tonics.Find(t => t.TonicName == tonicName);
        if (tonic is null)
        {
            tonic = new TonicContract(tonicName);
            _tonics.Add(tonic);
        }

        configure(tonic);
        return this;
    }

    /// <summary>Adds probes for every traced tonic that names none of its own.</summary>
    /// <returns>This contract.</returns>
    public Contract Probe(params string[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _probes.AddRange(members);
        return this;
    }

    /// <summary>Met when one tonic matches (the default).</summary>
    /// <returns>This contract.</returns>
    public Contract MatchAny() => Match(1);

    /// <summary>Met when every tonic of the contract matches.</summary>
    /// <returns>This contract.</returns>
    public Contract MatchAll()
    {
        _all = true;
        return this;
    }

    /// <summary>Met when <paramref name="count"/> tonics match.</summary>
    /// <returns>This contract.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public Contract Match(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _all = false;
        _matchCount = count;
        return this;
    }

    /// <summary>The probes traced for a tonic: its own, else the contract's.</summary>
    internal IReadOnlyList<string>? ProbesFor(string tonicName)
    {
        foreach (var tonic in _tonics)
        {
            if (tonic.TonicName == tonicName && tonic.Probes.Count > 0)
            {
                return tonic.Probes;
            }
        }

        return _probes.Count > 0 ? _probes : null;
    }

    /// <summary>Evaluates every tonic after a work order whose trace entries start at <paramref name="traceFrom"/>.</summary>
    internal ContractDetails Evaluate(Distiller distiller, int traceFrom)
    {
        var matched = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var condition in _tonics)
        {
            var tonic = distiller.FindTraced(condition.TonicName);
            if (tonic is not null && condition.Match(tonic, distiller.Trace, traceFrom) is { Count: > 0 } reasons)
            {
                matched[condition.TonicName] = reasons;
            }
        }

        return new ContractDetails(matched.Count, TargetCount, matched);
    }
}
