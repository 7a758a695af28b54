using System.Diagnostics;

namespace TaskTonic.Dataflow;

[DebuggerDisplay("{CatalystDebuggerDisplay,nq}")]
public partial class Catalyst
{
    /// <summary>What the debugger shows for a catalyst (the tonic's own display names no queue or bound count).</summary>
    private string CatalystDebuggerDisplay =>
        $"Catalyst {Name} #{Id} queued={_loop?.QueuedCount} bound={Volatile.Read(ref _bound)} executed={Volatile.Read(ref _executed)}";
}
