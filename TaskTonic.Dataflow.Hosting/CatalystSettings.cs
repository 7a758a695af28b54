namespace TaskTonic.Dataflow.Hosting;

/// <summary>The configurable part of <see cref="CatalystOptions"/> for one named catalyst.</summary>
public sealed class CatalystSettings
{
    /// <summary>Where the catalyst runs its work orders. Default <see cref="CatalystThreading.ThreadPool"/>.</summary>
    public CatalystThreading Threading { get; set; } = CatalystThreading.ThreadPool;

    /// <summary>The catalyst's log mode; null inherits its base's.</summary>
    public LogMode? LogMode { get; set; }
}
