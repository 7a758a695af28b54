namespace TaskTonic.Dataflow.Recording;

/// <summary>What a recorded work order was. The replayer re-posts the first four kinds; the runtime regenerates the others.</summary>
public enum RecordKind
{
    /// <summary>A generated sparkle (command, event or internal sparkle) with its arguments.</summary>
    Sparkle = 0,

    /// <summary>A queued state request (<c>ttsc__to_state</c>): the target state and the force flag.</summary>
    StateRequest = 1,

    /// <summary>A timer firing (<c>_ttss__timer_expired</c>): the timer's name.</summary>
    Timer = 2,

    /// <summary>A finish request (<c>ttsc__finish</c>).</summary>
    Finish = 3,

    /// <summary>The tonic's start (<c>_ttss__on_start</c>); informational.</summary>
    Start = 4,

    /// <summary>Other runtime work (infusion completed, tonic left, moves, runtime callbacks); informational.</summary>
    Runtime = 5,

    /// <summary>A user callback (<c>tts__callback</c>: task deliveries, chunks); its delegate is not recorded.</summary>
    Callback = 6,
}
