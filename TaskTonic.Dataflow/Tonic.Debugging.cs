using System.Diagnostics;

namespace TaskTonic.Dataflow;

[DebuggerDisplay("{DebuggerDisplay,nq}")]
public abstract partial class Tonic
{
    /// <summary>What the debugger shows for a tonic: reads plain fields only, so evaluating it never blocks or posts.</summary>
    private string DebuggerDisplay =>
        $"{Name} #{Id} state={_descriptor?.StateName(_state) ?? NoStateName} phase={_phase} catalyst={_catalyst?.Name}";
}
