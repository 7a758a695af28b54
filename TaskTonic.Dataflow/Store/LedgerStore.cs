namespace TaskTonic.Dataflow;

/// <summary>Builds a ledger's store, seeded with the formula's settings under <c>formula/</c> (Python's <c>ledger.formula</c>).</summary>
internal static class LedgerStore
{
    public static Store Create(FormulaOptions settings)
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
