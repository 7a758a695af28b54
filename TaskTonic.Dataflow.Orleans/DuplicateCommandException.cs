namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The grain's answer to a command it dropped as already applied (a retry of a deduplicated send whose first attempt
/// ran). An exception rather than a result because it is rare: an applied command is answered with Orleans' empty
/// response, which costs nothing to build or read.
/// </summary>
[GenerateSerializer]
internal sealed class DuplicateCommandException : Exception
{
    public DuplicateCommandException()
    {
    }

    public DuplicateCommandException(string message)
        : base(message)
    {
    }

    public DuplicateCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
