namespace TaskTonic.Dataflow.Chunks;

/// <summary>A running chunked iteration, told when its owner completed so it can release its source.</summary>
internal interface IChunkRun
{
    /// <summary>Called once, off the catalyst, after the owner completed (no sparkle of it runs any more).</summary>
    void Abandon();
}
