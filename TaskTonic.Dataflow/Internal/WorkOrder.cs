namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// One queued call: the target tonic, which sparkle, its packed arguments and who sent it.
/// A 32-byte struct (three references and one packed int), so queuing it allocates nothing beyond the packed
/// arguments and the block's queue copies little.
/// </summary>
[System.Diagnostics.DebuggerDisplay("{DebuggerDisplay,nq}")]
internal readonly struct WorkOrder
{
    private readonly int _sparkles;

    public WorkOrder(Tonic target, int sparkle, object? args, Tonic? source, int sourceSparkle)
    {
        System.Diagnostics.Debug.Assert(target is not null, "A work order always has a target tonic.");
        Target = target;
        Args = args;
        Source = source;
        _sparkles = (sparkle << 16) | (ushort)(short)sourceSparkle;
    }

    public Tonic Target { get; }

    /// <summary>Null, the single argument, or a boxed tuple of the arguments.</summary>
    public object? Args { get; }

    public Tonic? Source { get; }

    /// <summary>A generated sparkle id (≥ 0) or a <see cref="SystemSparkle"/> id.</summary>
    public int Sparkle => _sparkles >> 16;

    public int SourceSparkle => (short)(_sparkles & 0xFFFF);

    /// <summary>User work (generated sparkles and state requests) is dropped once the target is finishing; system work is not.</summary>
    public WorkOrderKind Kind => Sparkle >= 0 || Sparkle == SystemSparkle.RequestState || Sparkle == SystemSparkle.UserCallback
        ? WorkOrderKind.User
        : WorkOrderKind.System;

    private string DebuggerDisplay => $"{Target?.Name} sparkle {Sparkle} ({Kind}) from {Source?.Name ?? "--"}";
}
