namespace TaskTonic.Dataflow.Testing;

public sealed partial class Distiller
{
    /// <summary>
    /// After a run that did not reach <paramref name="state"/>: throws when no tonic the distiller knows (live in the
    /// ledger, or seen in the trace) declares a state with that name, so a misspelt state fails loudly instead of letting
    /// the run go on to idle or the time-out. A state of a tonic that has not been created yet is not known.
    /// </summary>
    /// <exception cref="ArgumentException">No known tonic has the state; the message lists the states they have.</exception>
    private void ThrowIfUnknownState(string state)
    {
        var descriptors = new HashSet<Sparkles.TonicDescriptor>(_tracer.Descriptors, ReferenceEqualityComparer.Instance);
        foreach (var tonic in Ledger.Snapshot())
        {
            descriptors.Add(tonic.Descriptor);
        }

        if (descriptors.Any(d => d.FindState(state) >= 0))
        {
            return;
        }

        var known = descriptors.SelectMany(d => d.States).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        throw new ArgumentException(
            $"No tonic of this run has a state named '{state}', so the run could never stop on it. " +
            (known.Count == 0 ? "The tonics of this run declare no states." : $"Known states: {string.Join(", ", known)}."),
            nameof(state));
    }
}
