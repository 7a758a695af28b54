namespace TaskTonic.Dataflow.Tests.Generators;

public sealed class EntryPointClashTests
{
    [Fact]
    public void TTDF010_an_entry_point_named_like_its_class_is_reported()
    {
        var run = GeneratorHarness.Generate("using TaskTonic.Dataflow; public partial class NotifyOnlyB : Tonic { void ttse_b__only_b() { } }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "TTDF010");
        Assert.Equal(
            "The entry point 'NotifyOnlyB' generated for sparkle 'ttse__only_b' clashes with the name of the class itself; rename the handler or the member",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void TTDF010_an_entry_point_clashing_with_a_member_or_an_inherited_runtime_member_is_reported()
    {
        var own = GeneratorHarness.Generate("using TaskTonic.Dataflow; public partial class Job : Tonic { public bool Done { get; set; } void ttsc__done() { } }");
        var inherited = GeneratorHarness.Generate("using TaskTonic.Dataflow; public partial class Job : Tonic { void ttsc__finish() { } }");

        Assert.Contains("the property 'Job.Done'", Assert.Single(own.GeneratorDiagnostics, d => d.Id == "TTDF010")
            .GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("the method 'Tonic.Finish'", Assert.Single(inherited.GeneratorDiagnostics, d => d.Id == "TTDF010")
            .GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
