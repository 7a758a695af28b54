namespace TaskTonic.Dataflow.Timers;

/// <summary>Validation of the delays and periods of relative timers.</summary>
internal static class DelayArguments
{
    /// <summary>36,525 days (100 years): far beyond any real schedule, and representable from any realistic now.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromDays(36525);

    /// <summary>Returns <paramref name="value"/> when it is positive and at most <see cref="MaxDelay"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or longer than <see cref="MaxDelay"/>.</exception>
    internal static TimeSpan Check(TimeSpan value, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, paramName);
        if (value > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be at most TonicTimer.MaxDelay ({MaxDelay.TotalDays:F0} days, 100 years).");
        }

        return value;
    }
}
