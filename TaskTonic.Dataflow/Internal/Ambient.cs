namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// The per-thread sparkle context: which ledger, tonic and sparkle are running, who sent the work order, and which
/// tonics were created in this frame (their start is posted when the frame ends, so a tonic never starts before its
/// constructor has returned).
/// </summary>
/// <remarks>
/// One thread-static reference to a context object. A catalyst owns one context and reuses it for every work order it
/// runs, so entering a work order costs a pointer swap and four field writes; formula steps and spawn scopes (rare)
/// get a fresh context each.
/// </remarks>
internal static class Ambient
{
    [ThreadStatic] private static FrameContext? t_current;

    /// <summary>The context outside any frame: no ledger, no tonic. Never written.</summary>
    private static readonly FrameContext s_outside = new(null, null);

    public static Ledger? Ledger => t_current?.Ledger;

    public static Tonic? Tonic => t_current?.Tonic;

    /// <summary>The running frame's context (outside any frame: an empty one); read its fields directly on hot paths.</summary>
    public static FrameContext Current => t_current ?? s_outside;

    /// <summary>The catalyst whose work order runs on this thread, or null (formula steps, spawn scopes, other threads).</summary>
    public static Catalyst? Running => t_current?.Running;

    /// <summary>Opens a frame with a fresh context (formula steps, spawn scopes, nested runs).</summary>
    public static Frame Enter(Ledger ledger, Tonic? tonic, int sparkle, Tonic? source, int sourceSparkle, Catalyst? running = null)
    {
        var context = new FrameContext(ledger, running);
        context.Begin(tonic, sparkle, source, sourceSparkle);
        return Enter(context);
    }

    /// <summary>Makes <paramref name="context"/> (already begun) the current one.</summary>
    public static Frame Enter(FrameContext context)
    {
        var outer = t_current;
        t_current = context;
        return new Frame(outer, context);
    }

    /// <summary>Ends the frame: restores the outer context, then posts the start of every tonic created in the frame.</summary>
    public static void Exit(in Frame frame)
    {
        t_current = frame.Outer;
        var pending = frame.Context.End();
        if (pending is null)
        {
            return;
        }

        foreach (var tonic in pending)
        {
            if (!tonic.IsAbandoned)
            {
                tonic.OpenMailbox();
            }
        }
    }

    public static void AddPendingStart(Tonic tonic) => (Active.PendingStarts ??= []).Add(tonic);

    /// <summary>The running frame's context, to change it (a hook runs as its own sparkle); throws outside any frame.</summary>
    public static FrameContext Active =>
        t_current ?? throw new InvalidOperationException("No sparkle, formula step or spawn scope is running on this thread.");

    /// <summary>A frame to end with <see cref="Exit"/>: the context it made current and the one it replaced.</summary>
    internal readonly record struct Frame(FrameContext? Outer, FrameContext Context);
}
