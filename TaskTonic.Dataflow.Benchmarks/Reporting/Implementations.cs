namespace TaskTonic.Dataflow.Benchmarks.Reporting;

/// <summary>
/// Names of the implementations as the reports show them. A benchmark method's name is the implementation's
/// key (<c>ActionBlock</c>, <c>Channel</c>, <c>AkkaNet</c>, <c>ProtoActor</c>, <c>TaskTonic</c>); a spawn
/// class's key is its type name without the <c>Spawn</c> suffix.
/// </summary>
internal static class Implementations
{
    /// <summary>The baseline every ratio is taken against.</summary>
    public const string Baseline = "ActionBlock";

    /// <summary>The actor frameworks we are compared with; "best peer" is the faster of these.</summary>
    public static readonly IReadOnlyList<string> Peers = ["AkkaNet", "ProtoActor"];

    private static readonly string[] Order = ["ActionBlock", "Channel", "AkkaNet", "ProtoActor", "TaskTonic", "TaskTonicSpread"];

    /// <summary>The display name of an implementation key.</summary>
    public static string Display(string key) => key switch
    {
        "ActionBlock" => "bare ActionBlock",
        "Channel" => "bare Channel",
        "AkkaNet" => $"Akka.NET {MachineInfo.VersionOf("Akka")}",
        "ProtoActor" => $"Proto.Actor {MachineInfo.VersionOf("Proto.Actor")}",
        "TaskTonic" => "TaskTonic.Dataflow",
        "TaskTonicSpread" => "TaskTonic.Dataflow, spread (every message crosses catalysts)",
        _ => key,
    };

    /// <summary>Sort key: the known implementations in a fixed order, then the rest by name.</summary>
    public static (int Rank, string Key) SortKey(string key)
    {
        var rank = Array.IndexOf(Order, key);
        return (rank < 0 ? Order.Length : rank, key);
    }
}
