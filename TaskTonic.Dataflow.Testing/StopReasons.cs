namespace TaskTonic.Dataflow.Testing;

/// <summary>Why a run of the <see cref="Distiller"/> (<see cref="Distiller.RunUntilIdle"/> and the others) returned; several can hold at once.</summary>
[Flags]
public enum StopReasons
{
    /// <summary>No reason (never returned).</summary>
    None = 0,

    /// <summary>The requested number of work orders ran.</summary>
    Count = 1,

    /// <summary>The virtual time-out passed.</summary>
    Timeout = 2,

    /// <summary>Nothing was queued and no timer was pending.</summary>
    Idle = 4,

    /// <summary>The main catalyst completed.</summary>
    CatalystFinished = 8,

    /// <summary>A tonic reached the requested state.</summary>
    State = 16,

    /// <summary>The requested sparkle ran.</summary>
    Sparkle = 32,

    /// <summary>The caller's condition became true.</summary>
    Condition = 64,

    /// <summary>Enough tonics of the contract matched their conditions; see <see cref="DistillerResult.Contract"/>.</summary>
    Contract = 128,
}
