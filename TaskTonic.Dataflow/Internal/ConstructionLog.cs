namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// Undoes the registration of tonics whose construction failed. A tonic registers itself (ledger slot, place among its
/// base's infusions, catalyst binding, queued start) in the base constructor, before the derived constructors ran, so a
/// derived constructor that throws would leave a half-built tonic registered. Every factory the runtime calls
/// (<c>Spawn</c>, <c>Infuse</c>, services, the formula's starting tonics) runs through <see cref="Build{T}"/>: the tonics
/// registered on this thread while the factory runs are logged, and if the factory throws they are all abandoned (newest
/// first), so a failed factory leaves nothing behind. A factory that returns commits them; their starts are queued as usual.
/// </summary>
/// <remarks>
/// A tonic created with a bare <c>new</c> in a sparkle is outside any factory: the runtime cannot see its constructor fail.
/// </remarks>
internal static class ConstructionLog
{
    [ThreadStatic] private static List<Tonic>? t_log;
    [ThreadStatic] private static int t_depth;

    /// <summary>Called by the base constructor once the tonic is registered; logs it while a factory runs on this thread.</summary>
    public static void Registered(Tonic tonic)
    {
        if (t_depth > 0)
        {
            (t_log ??= []).Add(tonic);
        }
    }

    /// <summary>Runs <paramref name="factory"/>; if it throws, abandons every tonic registered during it, then rethrows.</summary>
    public static T Build<T>(Func<T> factory)
    {
        var log = t_log ??= [];
        var first = log.Count;
        t_depth++;
        try
        {
            var result = factory();
            Truncate(log, first);
            return result;
        }
        catch
        {
            for (var i = log.Count - 1; i >= first; i--)
            {
                log[i].AbandonConstruction();
            }

            Truncate(log, first);
            throw;
        }
        finally
        {
            t_depth--;
        }
    }

    /// <summary>Forgets the entries of a finished factory: committed or abandoned, the outer factory owns them no more.</summary>
    private static void Truncate(List<Tonic> log, int first) => log.RemoveRange(first, log.Count - first);
}
