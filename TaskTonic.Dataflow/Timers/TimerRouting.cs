using TaskTonic.Dataflow.Sparkles;

namespace TaskTonic.Dataflow.Timers;

/// <summary>Finds, when a timer is created, the sparkle its expiries run: by name, as TaskTonic does.</summary>
internal static class TimerRouting
{
    /// <summary>
    /// Resolves <c>ttse__on_&lt;key&gt;</c>, then <c>ttse__on_tmr_&lt;key&gt;</c>, then <c>ttse__on_timer</c>, where the
    /// key is the name trimmed, lower-cased, with spaces as underscores. State-specific handlers count.
    /// </summary>
    /// <returns>The sparkle id and whether the handler takes the <see cref="TimerInfo"/>.</returns>
    /// <exception cref="ArgumentException">No candidate exists, or it has another signature.</exception>
    public static (int Sparkle, bool TakesInfo) Resolve(Tonic owner, string? name)
    {
        var descriptor = owner.Descriptor;
        var candidates = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var key = name.Trim().ToLowerInvariant().Replace(' ', '_');
            candidates.Add("ttse__on_" + key);
            candidates.Add("ttse__on_tmr_" + key);
        }

        candidates.Add("ttse__on_timer");
        foreach (var candidate in candidates)
        {
            var id = descriptor.FindSparkle(candidate);
            if (id < TonicDescriptor.FirstUserSparkle || descriptor.Sparkles[id].Name != candidate)
            {
                continue;
            }

            var parameters = descriptor.Sparkles[id].ParameterTypes;
            if (parameters.Count == 0)
            {
                return (id, false);
            }

            if (parameters.Count == 1 && parameters[0] == typeof(TimerInfo))
            {
                return (id, true);
            }

            throw new ArgumentException(
                $"Timer '{name}' of {owner.Name} routes to {candidate}, which must take no parameters or one TimerInfo.", nameof(name));
        }

        throw new ArgumentException(
            $"{owner.Name} ({owner.GetType().Name}) has no handler for timer '{name ?? "(unnamed)"}': looked for {string.Join(", ", candidates)}. " +
            "Declare one of them, or pass a sparkleBack.", nameof(name));
    }
}
