namespace TaskTonic.Dataflow.Benchmarks.Runtime;

/// <summary>A running formula whose main catalyst stays alive until <see cref="Dispose"/>, with helpers to spawn into it.</summary>
public sealed partial class RuntimeHost : IDisposable
{
    private readonly Formula _formula = new(new FormulaOptions { DefaultLogMode = LogMode.Stealth });
    private readonly Task _run;
    private readonly Anchor _anchor;

    public RuntimeHost()
    {
        Anchor? anchor = null;
        _formula.AddStartingTonic(() => anchor = new Anchor());
        _run = _formula.RunAsync();
        _anchor = anchor!;
    }

    /// <summary>Creates tonics as infusions of a long-lived anchor, so the formula runs until disposal.</summary>
    public T Spawn<T>(Func<T> factory)
        where T : Tonic => _formula.Spawn(factory, _anchor);

    public void Dispose()
    {
        _formula.Ledger.Shutdown();
        _run.Wait(TimeSpan.FromSeconds(30));
    }

    private sealed partial class Anchor : Tonic
    {
        private void ttse__on_start()
        {
        }
    }
}
