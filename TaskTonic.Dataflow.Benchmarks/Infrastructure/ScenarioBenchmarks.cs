using BenchmarkDotNet.Attributes;

namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>
/// Parent of every scenario class: holds the one implementation a benchmark case runs, and tears it down.
/// </summary>
/// <typeparam name="TImplementation">The scenario's implementation interface.</typeparam>
/// <remarks>
/// Each implementation has a <c>[GlobalSetup(Target = nameof(Method))]</c> that calls <see cref="Use"/>
/// with a new instance, so only that implementation's actor system exists while it is measured.
/// </remarks>
public abstract class ScenarioBenchmarks<TImplementation>
    where TImplementation : class, IDisposable
{
    private TImplementation? _implementation;

    /// <summary>Gets the completion signal shared by the benchmark and the implementation.</summary>
    protected CompletionSignal Done { get; } = new();

    /// <summary>Gets the implementation of the current benchmark case.</summary>
    protected TImplementation Implementation =>
        _implementation ?? throw new InvalidOperationException("No [GlobalSetup] chose an implementation for this benchmark.");

    /// <summary>Disposes the implementation (terminates its actor system).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _implementation?.Dispose();
        _implementation = null;
    }

    /// <summary>Makes <paramref name="implementation"/> the one this case measures and sets it up.</summary>
    protected void Use(TImplementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        _implementation = implementation;
        SetUp(implementation);
    }

    /// <summary>Creates the implementation's actors with the scenario's sizes (called from <see cref="Use"/>).</summary>
    protected abstract void SetUp(TImplementation implementation);
}
