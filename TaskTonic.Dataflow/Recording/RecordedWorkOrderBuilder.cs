using TaskTonic.Dataflow.Internal;

namespace TaskTonic.Dataflow.Recording;

/// <summary>Turns a replayable record back into a work order for the tonics of a replayed tree (tonics matched by name).</summary>
internal static class RecordedWorkOrderBuilder
{
    public static WorkOrder Build(RecordedWorkOrder record, Func<string, Tonic?> findTonic)
    {
        var tonic = findTonic(record.TonicName) ?? throw Fail(record,
            $"targets tonic '{record.TonicName}' ({record.TonicType}), which the replayed tree has not created; build the same tree, with the same names");
        var source = record.SourceTonicName is { } name ? findTonic(name) : null;
        var sourceSparkle = ResolveSparkle(source, record.SourceSparkle);
        switch (record.Kind)
        {
            case RecordKind.Sparkle:
                var id = tonic.Descriptor.FindSparkle(record.Sparkle);
                if (id < 0)
                {
                    throw Fail(record, $"names sparkle {record.Sparkle}, which {tonic.GetType().Name} does not declare");
                }

                var bytes = record.Arguments.GetValueOrDefault();
                object? args;
                try
                {
                    args = ArgumentCodec.Decode(bytes, tonic.Descriptor.Sparkles[id].ParameterTypes, findTonic);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    throw new ReplayException($"Work order #{record.Position} ({record}): its arguments do not decode to the parameters of {record.Sparkle}: {ex.Message}", ex);
                }

                return new WorkOrder(tonic, id, args, source, sourceSparkle);
            case RecordKind.StateRequest:
                var state = record.TargetState is { } stateName ? tonic.Descriptor.FindState(stateName) : Tonic.NoState;
                if (state < Tonic.NoState || (state == Tonic.NoState && record.TargetState is not null))
                {
                    throw Fail(record, $"requests state '{record.TargetState}', which {tonic.GetType().Name} does not have");
                }

                return new WorkOrder(tonic, SystemSparkle.RequestState, Tonic.CreateStateRequest(state, record.ForceReenter), source, sourceSparkle);
            case RecordKind.Timer:
                var timer = FindTimer(record, tonic) ?? throw Fail(record,
                    $"fires timer '{record.TimerName}', which {tonic.Name} does not have at this point; name timers so a replay finds them");
                return new WorkOrder(tonic, SystemSparkle.TimerFired, timer, source, sourceSparkle);
            default:
                return new WorkOrder(tonic, SystemSparkle.Finish, null, source, sourceSparkle);
        }
    }

    /// <summary>The timer a timer record fires: the tonic's timer with the recorded name, or null.</summary>
    private static Timers.TonicTimer? FindTimer(RecordedWorkOrder record, Tonic tonic) =>
        tonic.Timers.FirstOrDefault(t => t.Name == record.TimerName);

    private static int ResolveSparkle(Tonic? source, string name)
    {
        if (source is not null && source.Descriptor.FindSparkle(name) is >= 0 and var id)
        {
            return id;
        }

        for (var system = SystemSparkle.None; system >= SystemSparkle.UserCallback; system--)
        {
            if (SystemSparkle.NameOf(system) == name)
            {
                return system;
            }
        }

        return SystemSparkle.None;
    }

    private static ReplayException Fail(RecordedWorkOrder record, string problem) =>
        new($"Work order #{record.Position} ({record}) {problem}.");
}
