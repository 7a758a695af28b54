namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// The per-thread sparkle context: which ledger, tonic and sparkle are running, who sent the
/// work order, and which tonics were created in this frame (their start is posted when the frame ends,
/// so a tonic never starts before its constructor has returned).
/// </summary>
internal static class Ambient
{
    [ThreadStatic] private static Ledger? t_ledger;
    [ThreadStatic] private static Tonic? t_tonic;
    [ThreadStatic] private static int t_sparkle;
    [ThreadStatic] private static Tonic? t_source;
    [ThreadStatic] private static int t_sourceSparkle;
    [ThreadStatic] private static List<Tonic>? t_pendingStarts;

    public static Ledger? Ledger => t_ledger;

    public static Tonic? Tonic => t_tonic;

    public static int Sparkle => t_ledger is null ? SystemSparkle.None : t_sparkle;

    public static Tonic? Source => t_source;

    public static int SourceSparkle => t_ledger is null ? SystemSparkle.None : t_sourceSparkle;

    public static Frame Enter(Ledger ledger, Tonic? tonic, int sparkle, Tonic? source, int sourceSparkle)
    {
        var saved = new Frame(t_ledger, t_tonic, t_sparkle, t_source, t_sourceSparkle, t_pendingStarts);
        t_ledger = ledger;
        t_tonic = tonic;
        t_sparkle = sparkle;
        t_source = source;
        t_sourceSparkle = sourceSparkle;
        t_pendingStarts = null;
        return saved;
    }

    /// <summary>Ends the current frame: posts the start of every tonic created in it, then restores the outer frame.</summary>
    public static void Exit(in Frame saved)
    {
        var pending = t_pendingStarts;
        t_pendingStarts = saved.PendingStarts;
        t_ledger = saved.Ledger;
        t_tonic = saved.Tonic;
        t_sparkle = saved.Sparkle;
        t_source = saved.Source;
        t_sourceSparkle = saved.SourceSparkle;
        if (pending is null)
        {
            return;
        }

        foreach (var tonic in pending)
        {
            tonic.OpenMailbox();
        }
    }

    /// <summary>Changes the sparkle id of the running frame (used while transition hooks run).</summary>
    public static int SwapSparkle(int sparkle)
    {
        var old = t_sparkle;
        t_sparkle = sparkle;
        return old;
    }

    public static void AddPendingStart(Tonic tonic) => (t_pendingStarts ??= []).Add(tonic);

    internal readonly record struct Frame(
        Ledger? Ledger, Tonic? Tonic, int Sparkle, Tonic? Source, int SourceSparkle, List<Tonic>? PendingStarts);
}
