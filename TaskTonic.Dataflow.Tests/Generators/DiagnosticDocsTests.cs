using Microsoft.CodeAnalysis;
using TaskTonic.Dataflow.Generators;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>Every TTDF descriptor links to its page in the repository (issue 15 item 5), and the page and release notes exist.</summary>
public sealed class DiagnosticDocsTests
{
    [Fact]
    public void Every_descriptor_has_a_help_link_to_an_existing_page_in_the_repository()
    {
        var root = RepositoryRoot();
        var descriptors = Descriptors();
        Assert.Equal(22, descriptors.Count);
        var index = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md"));
        var releases = File.ReadAllText(Path.Combine(root, "TaskTonic.Dataflow.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in descriptors)
        {
            Assert.Equal($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = File.ReadAllText(Path.Combine(root, descriptor.HelpLinkUri));
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", page, StringComparison.Ordinal);
            Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", index, StringComparison.Ordinal);
            Assert.Contains($"{descriptor.Id} | TaskTonic.Dataflow |", releases, StringComparison.Ordinal);
        }
    }

    private static List<DiagnosticDescriptor> Descriptors()
    {
        var type = typeof(TonicGenerator).Assembly.GetType("TaskTonic.Dataflow.Generators.Diagnostics", throwOnError: true)!;
        return [.. type.GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "docs", "diagnostics")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No docs/diagnostics above " + AppContext.BaseDirectory);
    }
}
