namespace TaskTonic.Dataflow.Internal;

/// <summary>
/// Ids of the runtime's own work orders and frames. They are negative so they never collide
/// with generated sparkle ids, which start at zero.
/// </summary>
internal static class SystemSparkle
{
    public const int None = -1;
    public const int Start = -2;
    public const int Finish = -3;
    public const int InfusionCompleted = -4;
    public const int TonicLeft = -5;
    public const int RequestState = -6;
    public const int Formula = -7;
    public const int Spawn = -8;
    public const int Callback = -9;
    public const int StateChange = -10;
    public const int Init = -11;
    public const int TimerFired = -12;
    public const int Move = -13;
    public const int MoveCompleted = -14;
    public const int UserCallback = -15;

    public static string NameOf(int id) => id switch
    {
        Start => "_ttss__on_start",
        Finish => "ttsc__finish",
        InfusionCompleted => "_ttss__on_infusion_completed",
        TonicLeft => "_ttss__remove_tonic_from_catalyst",
        RequestState => "ttsc__to_state",
        Formula => "__formula__",
        Spawn => "__spawn__",
        Callback => "_ttss__callback",
        StateChange => "_ttss__state_change",
        Init => "__init__",
        TimerFired => "_ttss__timer_expired",
        Move => "_ttss__move",
        MoveCompleted => "_ttss__move_completed",
        UserCallback => "tts__callback",
        _ => string.Empty,
    };
}
