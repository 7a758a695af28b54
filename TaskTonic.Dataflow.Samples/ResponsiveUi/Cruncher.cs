namespace TaskTonic.Dataflow.Samples.ResponsiveUi;

/// <summary>CPU-heavy work on the worker catalyst, cut into chunks so its own catalyst stays responsive too.</summary>
public sealed partial class Cruncher : Tonic
{
    private readonly int _chunks;
    private double _sink;

    public Cruncher(Catalyst worker, int chunks)
        : base(new TonicOptions { Catalyst = worker }) => _chunks = chunks;

    private void ttsc__crunch() => Chunk(0);

    private void tts__chunk(int index)
    {
        for (var i = 1; i < 200_000; i++)
        {
            _sink += Math.Sqrt(i) * Math.Sin(i);
        }

        if (index + 1 < _chunks)
        {
            Chunk(index + 1);
        }
        else
        {
            ((UiTonic)Parent!).NotifyCrunchDone(_chunks, _sink);
        }
    }
}
