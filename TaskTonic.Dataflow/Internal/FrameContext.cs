namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// What runs in a frame: the ledger and catalyst (fixed for a catalyst's own context), the tonic, sparkle and source
/// of the work order, and the tonics created in it. Used by one thread at a time, through <see cref="Ambient"/>.
/// </summary>
internal sealed class FrameContext(Ledger? ledger, Catalyst? running)
{
    public readonly Ledger? Ledger = ledger;
    public readonly Catalyst? Running = running;
    public Tonic? Tonic;
    public int Sparkle = SystemSparkle.None;
    public Tonic? Source;
    public int SourceSparkle = SystemSparkle.None;
    public List<Tonic>? PendingStarts;

    /// <summary>True between <see cref="Begin"/> and <see cref="End"/>: a nested run on the same catalyst needs its own context.</summary>
    public bool InUse;

    public void Begin(Tonic? tonic, int sparkle, Tonic? source, int sourceSparkle)
    {
        InUse = true;
        Tonic = tonic;
        Sparkle = sparkle;
        Source = source;
        SourceSparkle = sourceSparkle;
    }

    /// <summary>Clears the references (so the context keeps no tonic alive) and hands back the tonics created in the frame.</summary>
    public List<Tonic>? End()
    {
        InUse = false;
        Tonic = null;
        Source = null;
        var pending = PendingStarts;
        PendingStarts = null;
        return pending;
    }
}
