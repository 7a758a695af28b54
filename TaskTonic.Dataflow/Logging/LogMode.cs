namespace TaskTonic.Dataflow;

/// <summary>How much a tonic writes to the log (TaskTonic's <c>ttLog</c>). Ordered: each mode logs everything the previous one does.</summary>
public enum LogMode
{
    /// <summary>Nothing at all.</summary>
    Stealth = 0,

    /// <summary>Lifecycle only: started, state changes, finishing, finished.</summary>
    Lifecycle = 1,

    /// <summary>Lifecycle and the lines written with <see cref="Tonic.Log(string, Microsoft.Extensions.Logging.LogLevel)"/> (the default).</summary>
    Quiet = 2,

    /// <summary>Everything, plus one trace-level entry per executed sparkle with its source and duration.</summary>
    Full = 3,
}
