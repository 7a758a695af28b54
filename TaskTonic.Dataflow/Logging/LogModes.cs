namespace TaskTonic.Dataflow;

/// <summary>Parsing of <see cref="LogMode"/> values from configuration.</summary>
public static class LogModes
{
    /// <summary>Parses a mode name (case-insensitive: <c>stealth</c>, <c>off</c>, <c>quiet</c>, <c>full</c>) or its number (0–3).</summary>
    /// <exception cref="ArgumentException">The text is neither; the message lists the valid values.</exception>
    public static LogMode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Enum.TryParse<LogMode>(text.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }

        throw new ArgumentException($"'{text}' is not a log mode; use stealth, off, quiet or full (or 0-3).", nameof(text));
    }

    /// <summary>Converts a number (0–3) to a mode.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is not 0–3.</exception>
    public static LogMode FromInt32(int value) =>
        Enum.IsDefined((LogMode)value) ? (LogMode)value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A log mode is 0 (stealth), 1 (off), 2 (quiet) or 3 (full).");
}
