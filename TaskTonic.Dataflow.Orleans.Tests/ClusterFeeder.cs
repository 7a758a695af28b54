namespace TaskTonic.Dataflow.Orleans.Tests;

/// <summary>A client-side tonic (a starting tonic of the client host's formula) that feeds a keyed partition on the cluster.</summary>
public sealed partial class ClusterFeeder(OrleansPartition<string> partition) : Tonic
{
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every message of the last <c>Feed</c> was acknowledged.</summary>
    public Task Sent => _sent.Task;

    private void ttsc__feed(string key, int count)
    {
        var sends = Enumerable.Range(1, count).Select(n => partition.For(key).SendAsync(new Add(n)));
        Task.WhenAll(sends).ContinueWith(t => _ = t.IsCompletedSuccessfully ? _sent.TrySetResult() : _sent.TrySetException(t.Exception!.InnerExceptions),
            TaskScheduler.Default);
    }
}
