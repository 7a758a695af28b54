namespace TaskTonic.Dataflow.Samples.Layering;

/// <summary>The low-level worker of the seed's Example C: does the "socket stuff" and reports to its base.</summary>
public sealed partial class NetworkDownloader : Tonic
{
    private readonly TextWriter _output;

    public NetworkDownloader(TextWriter output) => _output = output;

    private void ttsc__fetch_data(string url)
    {
        _output.WriteLine($"  [{Name}] connecting to {url} and doing complex socket stuff...");
        ((UpdateManager)Parent!).NotifyDownloadComplete("{\"data\": \"success\"}");
    }

    private void ttse__on_finished() => _output.WriteLine($"  [{Name}] finished together with its parent: no leaks.");
}
