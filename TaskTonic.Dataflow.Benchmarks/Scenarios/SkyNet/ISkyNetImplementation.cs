using TaskTonic.Dataflow.Benchmarks.Infrastructure;

namespace TaskTonic.Dataflow.Benchmarks.Scenarios.SkyNet;

/// <summary>
/// SkyNet: an actor that receives <see cref="Messages.SkyNetStart"/> reports its number if it is a leaf;
/// otherwise it spawns <see cref="Messages.SkyNetStart.Fanout"/> children, sends each
/// <see cref="Messages.SkyNetStart.ForChild"/>, and adds their <see cref="Messages.SkyNetResult"/>s with a
/// <see cref="SkyNetSum"/>. It reports with a <see cref="Messages.SkyNetResult"/> to its parent, or with
/// <c>done.Signal(sum)</c> if it is the root, and then stops itself.
/// </summary>
public interface ISkyNetImplementation : IDisposable
{
    /// <summary>Creates the actor system; the root actors of later runs report to <paramref name="done"/>.</summary>
    void Setup(CompletionSignal done);

    /// <summary>Spawns a new root actor and sends it <c>new SkyNetStart(0, leaves)</c>.</summary>
    void Start(long leaves);
}
