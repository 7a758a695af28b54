using System.Runtime.CompilerServices;

namespace TaskTonic.Dataflow;

/// <summary>The store every ledger owns: application state, and the formula's settings under <c>formula/</c> (Python's <c>ledger.formula</c>).</summary>
public static class LedgerStore
{
    private static readonly ConditionalWeakTable<Ledger, Store> s_stores = [];

    /// <summary>
    /// The ledger's store, created on first use with the formula's settings under <c>formula/</c>:
    /// <c>formula/project_name</c>, <c>formula/main_catalyst_name</c>, <c>formula/default_log_mode</c>, and every
    /// <see cref="FormulaSettings.Values"/> entry at <c>formula/&lt;key&gt;</c>. They are writable at run time like any
    /// store value (subscribe to <c>formula</c> to react); the runtime itself read its settings at start-up.
    /// </summary>
    public static Store Store(this Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return s_stores.GetValue(ledger, static l => Create(l.Settings));
    }

    private static Store Create(FormulaSettings settings)
    {
        var store = new Store();
        var values = new List<(string, object?)>
        {
            ("formula/project_name", settings.ProjectName),
            ("formula/main_catalyst_name", settings.MainCatalystName),
            ("formula/default_log_mode", settings.DefaultLogMode.ToString()),
        };
        values.AddRange(settings.Values.Select(p => ($"formula/{p.Key}", p.Value)));
        store.Set(values, notify: false);
        return store;
    }
}
