namespace TaskTonic.Dataflow.Samples.PartitionedPipeline;

/// <summary>One order of the stream: the symbol is the partition key.</summary>
internal sealed record Order(string Symbol, long Sequence, int Quantity, double Price);
