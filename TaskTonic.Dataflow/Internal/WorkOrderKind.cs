namespace TaskTonic.Dataflow.Internal;

/// <summary>What a work order asks its target to do.</summary>
internal enum WorkOrderKind : byte
{
    /// <summary>A generated sparkle (command, event or internal); dropped once the target is finishing.</summary>
    User,

    /// <summary>Runtime bookkeeping (start, finish, child completed); runs while finishing.</summary>
    System,
}
