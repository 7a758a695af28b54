namespace TaskTonic.Dataflow;

public abstract partial class Tonic
{
    /// <summary>Reads a queued state request (<c>ttsc__to_state</c>) for the recorder.</summary>
    internal static bool TryReadStateRequest(object? args, out int state, out bool force)
    {
        if (args is StateRequest request)
        {
            state = request.State;
            force = request.Force;
            return true;
        }

        state = NoState;
        force = false;
        return false;
    }

    /// <summary>Builds the arguments of a state request work order for the replayer.</summary>
    internal static object CreateStateRequest(int state, bool force) => new StateRequest(state, force);
}
