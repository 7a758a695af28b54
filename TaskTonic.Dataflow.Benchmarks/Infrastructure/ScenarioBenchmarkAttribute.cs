using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>
/// <c>[Benchmark]</c> with <see cref="BenchmarkAttribute.OperationsPerInvoke"/> set to the scenario's
/// message count, so results read as nanoseconds per message.
/// </summary>
/// <remarks>
/// A plain <c>[Benchmark(OperationsPerInvoke = …)]</c> needs a constant, but <c>--quick</c> shrinks the
/// counts at run time. BenchmarkDotNet reads this attribute after <c>Program</c> has chosen the sizes,
/// and runs in process, so both sides see the same <see cref="BenchmarkSize"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScenarioBenchmarkAttribute : BenchmarkAttribute
{
    /// <summary>Initializes a new instance of the <see cref="ScenarioBenchmarkAttribute"/> class.</summary>
    public ScenarioBenchmarkAttribute(
        Scenario scenario,
        [CallerLineNumber] int sourceCodeLineNumber = 0,
        [CallerFilePath] string sourceCodeFile = "")
        : base(sourceCodeLineNumber, sourceCodeFile)
    {
        Scenario = scenario;
        OperationsPerInvoke = BenchmarkSize.OperationsPerInvoke(scenario);
    }

    /// <summary>Gets the scenario whose size sets <see cref="BenchmarkAttribute.OperationsPerInvoke"/>.</summary>
    public Scenario Scenario { get; }
}
