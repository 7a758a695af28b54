namespace TaskTonic.Dataflow.Samples.Layering;

/// <summary>The orchestrator of the seed's Example C: delegates to a child, then finishes, which finishes the child too.</summary>
[TonicStates("finished")]
public sealed partial class UpdateManager : Tonic
{
    private readonly TextWriter _output;
    private NetworkDownloader? _downloader;

    public UpdateManager(TextWriter output) => _output = output;

    private void ttse__on_start()
    {
        _output.WriteLine($"  [{Name}] initializing; creating the downloader as an infusion.");
        _downloader = new NetworkDownloader(_output);
        RunUpdate();
    }

    private void ttsc__run_update()
    {
        _output.WriteLine($"  [{Name}] starting update process...");
        ToState(States.Downloading);
        _downloader!.FetchData("https://api.example.com/update");
    }

    private void ttse_downloading__on_download_complete(string data)
    {
        _output.WriteLine($"  [{Name}] update received: {data}. Applying update...");
        ToState(States.Finished);
        Finish();
    }

    private void ttse__on_finished() => _output.WriteLine($"  [{Name}] finished in state '{StateName ?? NoStateName}' after its exit hook.");
}
