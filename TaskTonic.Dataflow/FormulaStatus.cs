namespace TaskTonic.Dataflow;

/// <summary>The phases of a <see cref="Formula"/> run, in order.</summary>
public enum FormulaStatus
{
    /// <summary>Built, not yet running.</summary>
    Starting,

    /// <summary>The main catalyst and the starting tonics are being created.</summary>
    StartCatalysts,

    /// <summary>The main catalyst runs.</summary>
    MainRunning,

    /// <summary>The main catalyst completed, or the start failed (nothing it created stays registered); the run is over.</summary>
    MainFinished,
}
