namespace TaskTonic.Dataflow.Partitioning;

/// <summary>
/// Moves a share of the keys off the catalyst with the longest queue when that queue stays at least
/// <see cref="Ratio"/> times the mean of the others (and at least <see cref="MinimumQueue"/>) for
/// <see cref="ConsecutiveChecks"/> checks in a row; the keys go to the catalyst with the shortest queue.
/// </summary>
public sealed class QueueLengthRebalancePolicy : IRebalancePolicy
{
    private Catalyst? _suspect;
    private int _strikes;

    /// <summary>Creates the policy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public QueueLengthRebalancePolicy(double ratio = 2.0, int minimumQueue = 64, int consecutiveChecks = 3, double keyShare = 0.25)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ratio, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumQueue);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consecutiveChecks);
        if (keyShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(keyShare), keyShare, "The key share must be in (0, 1].");
        }

        (Ratio, MinimumQueue, ConsecutiveChecks, KeyShare) = (ratio, minimumQueue, consecutiveChecks, keyShare);
    }

    /// <summary>How much longer than the others' mean the longest queue must be.</summary>
    public double Ratio { get; }

    /// <summary>The shortest queue that counts as overloaded.</summary>
    public int MinimumQueue { get; }

    /// <summary>How many checks in a row the same catalyst must be overloaded.</summary>
    public int ConsecutiveChecks { get; }

    /// <summary>The share of the overloaded catalyst's keys moved at once.</summary>
    public double KeyShare { get; }

    /// <inheritdoc />
    public RebalanceMove? Decide(IReadOnlyList<CatalystLoad> loads)
    {
        ArgumentNullException.ThrowIfNull(loads);
        if (loads.Count < 2)
        {
            _strikes = 0;
            return null;
        }

        var longest = loads.MaxBy(l => l.QueuedWorkOrders);
        var shortest = loads.MinBy(l => l.QueuedWorkOrders);
        var othersMean = (loads.Sum(l => (double)l.QueuedWorkOrders) - longest.QueuedWorkOrders) / (loads.Count - 1);
        if (longest.QueuedWorkOrders < MinimumQueue || longest.QueuedWorkOrders < Ratio * othersMean || longest.Keys < 2)
        {
            _strikes = 0;
            return null;
        }

        _strikes = ReferenceEquals(_suspect, longest.Catalyst) ? _strikes + 1 : 1;
        _suspect = longest.Catalyst;
        if (_strikes < ConsecutiveChecks)
        {
            return null;
        }

        _strikes = 0;
        return new RebalanceMove(longest.Catalyst, shortest.Catalyst, Math.Max(1, (int)(longest.Keys * KeyShare)));
    }
}
