namespace TaskTonic.Dataflow.Testing;

/// <summary>How a <see cref="Contract"/> stood after the last work order: which tonics matched, and why.</summary>
public sealed class ContractDetails
{
    internal ContractDetails(int matchCount, int targetCount, IReadOnlyDictionary<string, IReadOnlyList<string>> matchedTonics)
    {
        MatchCount = matchCount;
        TargetCount = targetCount;
        MatchedTonics = matchedTonics;
    }

    /// <summary>How many tonics matched.</summary>
    public int MatchCount { get; }

    /// <summary>How many had to match.</summary>
    public int TargetCount { get; }

    /// <summary>True when enough tonics matched.</summary>
    public bool IsMet => TargetCount > 0 && MatchCount >= TargetCount;

    /// <summary>The matching tonics by name, each with its reasons: <c>state: 'paused'</c>, <c>sparkle: 'ttsc__x'</c>, <c>probe: n == 5</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MatchedTonics { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{MatchCount}/{TargetCount} matched: " + string.Join("; ", MatchedTonics.Select(m => $"{m.Key} [{string.Join(", ", m.Value)}]"));
}
