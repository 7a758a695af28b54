using System.Globalization;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>Issue 11 item 9: the generator knows the hook <c>ttse__on_infusion_completed</c> (id 4, no entry point).</summary>
public sealed class InfusionCompletedHookGeneratorTests
{
    private const string Usings = "using TaskTonic.Dataflow;\nnamespace N;\n";

    [Theory]
    [InlineData("void ttse__on_infusion_completed(Tonic child) { }")]
    [InlineData("void ttse__on_infusion_completed() { }")]
    [InlineData("void ttse__on_infusion_completed(TaskTonic.Dataflow.Tonic child) { } void ttse_busy__on_infusion_completed(TaskTonic.Dataflow.Tonic child) { }")]
    public void IG01_the_hook_compiles_dispatches_as_hook_4_and_gets_no_entry_point(string member)
    {
        var run = GeneratorHarness.Generate(Usings + $"public partial class Door : Tonic {{ {member} void ttsc__open() {{ }} }}");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        Assert.Contains("public const int ttse__on_infusion_completed = 4;", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("case global::N.Door.TTSparkleId.ttse__on_infusion_completed:", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("public const int ttsc__open = 5;", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("PostSparkle(global::N.Door.TTSparkleId.ttsc__open, null)", run.AllGenerated, StringComparison.Ordinal);
        Assert.DoesNotContain("OnInfusionCompleted(", run.AllGenerated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("void ttse__on_infusion_completed(int n) { }")]
    [InlineData("void ttse__on_infusion_completed(Catalyst child) { }")]
    [InlineData("void ttse__on_infusion_completed(Tonic child, int n) { }")]
    public void IG02_any_other_signature_is_refused_with_TTDF006(string member)
    {
        var run = GeneratorHarness.Generate(Usings + $"public partial class Door : Tonic {{ {member} }}");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TTDF006", diagnostic.Id);
        Assert.Contains("must take no parameters or one parameter of type TaskTonic.Dataflow.Tonic", diagnostic.GetMessage(CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
    }
}
