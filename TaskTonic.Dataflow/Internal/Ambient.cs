namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// The per-thread sparkle context: which ledger, tonic and sparkle are running, who sent the
/// work order, and which tonics were created in this frame (their start is posted when the frame ends,
/// so a tonic never starts before its constructor has returned).
/// </summary>
/// <remarks>One thread-static reference to a mutable object: a single TLS lookup per frame on the hot path.</remarks>
internal static class Ambient
{
    [ThreadStatic] private static State? t_state;

    public static Ledger? Ledger => t_state?.Ledger;

    public static Tonic? Tonic => t_state?.Tonic;

    public static int Sparkle => t_state is { Ledger: not null } s ? s.Sparkle : SystemSparkle.None;

    public static Tonic? Source => t_state?.Source;

    public static int SourceSparkle => t_state is { Ledger: not null } s ? s.SourceSparkle : SystemSparkle.None;

    /// <summary>The current state object, created on first use; read its fields directly on hot paths.</summary>
    public static State Current => t_state ??= new State();

    /// <summary>The catalyst whose work order runs on this thread, or null (formula steps, spawn scopes, other threads).</summary>
    public static Catalyst? Running => t_state?.Running;

    public static Frame Enter(Ledger ledger, Tonic? tonic, int sparkle, Tonic? source, int sourceSparkle, Catalyst? running = null)
    {
        var state = t_state ??= new State();
        var saved = new Frame(state.Ledger, state.Tonic, state.Sparkle, state.Source, state.SourceSparkle, state.PendingStarts, state.Running);
        state.Running = running;
        state.Ledger = ledger;
        state.Tonic = tonic;
        state.Sparkle = sparkle;
        state.Source = source;
        state.SourceSparkle = sourceSparkle;
        state.PendingStarts = null;
        return saved;
    }

    /// <summary>Ends the current frame: posts the start of every tonic created in it, then restores the outer frame.</summary>
    public static void Exit(in Frame saved)
    {
        var state = t_state!;
        var pending = state.PendingStarts;
        state.PendingStarts = saved.PendingStarts;
        state.Ledger = saved.Ledger;
        state.Tonic = saved.Tonic;
        state.Sparkle = saved.Sparkle;
        state.Source = saved.Source;
        state.SourceSparkle = saved.SourceSparkle;
        state.Running = saved.Running;
        if (pending is null)
        {
            return;
        }

        foreach (var tonic in pending)
        {
            tonic.OpenMailbox();
        }
    }

    /// <summary>Changes the sparkle id of the running frame (used while hooks run).</summary>
    public static int SwapSparkle(int sparkle)
    {
        var state = Current;
        var old = state.Sparkle;
        state.Sparkle = sparkle;
        return old;
    }

    public static void AddPendingStart(Tonic tonic) => (Current.PendingStarts ??= []).Add(tonic);

    /// <summary>The mutable per-thread context.</summary>
    internal sealed class State
    {
        public Ledger? Ledger;
        public Tonic? Tonic;
        public int Sparkle = SystemSparkle.None;
        public Tonic? Source;
        public int SourceSparkle = SystemSparkle.None;
        public List<Tonic>? PendingStarts;
        public Catalyst? Running;
    }

    internal readonly record struct Frame(
        Ledger? Ledger, Tonic? Tonic, int Sparkle, Tonic? Source, int SourceSparkle, List<Tonic>? PendingStarts, Catalyst? Running);
}
