using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>
/// The generated <c>TonicRef&lt;T&gt;</c> extensions: one per public entry point of the class (its own and the ones it
/// inherits), same name and parameters; the extension class is as visible as the tonic; none for classes outside code
/// cannot name, generic classes, or classes without public entry points.
/// </summary>
public sealed class RefExtensionTests
{
    private const string Doors = """
        using TaskTonic.Dataflow;

        namespace N
        {
            public partial class Door : Tonic
            {
                private void ttse__on_start() { }
                private void ttsc__open(int times = 3) { }
                private void ttsc_locked__open(int times) { }
                private void ttse__on_jammed(string where, int? code) { }
                [Command] private void OnKnock(string who = "bob") { }
                [Event] private void OnRang() { }
                private void tts__step(int n) { }
            }

            public sealed partial class AlarmDoor : Door
            {
                private void ttsc__alarm(int reference) { }
            }

            public static class Use
            {
                public static void Call(Door door, AlarmDoor alarm)
                {
                    door.Ref().Open();
                    door.Ref().Open(4);
                    TonicRef.Of(door).Knock("ann");
                    alarm.Ref().Open(1);
                    alarm.Ref().Alarm(2);
                }
            }
        }
        """;

    [Fact]
    public void RX_01_every_public_entry_point_is_mirrored_with_the_same_name_and_parameters()
    {
        var run = GeneratorHarness.Generate(Doors);

        Assert.Empty(run.Errors);
        var door = run.Type("N.Door");
        var extensions = run.Type("N.DoorRefExtensions");
        Assert.True(extensions.IsStatic);
        Assert.Equal(Accessibility.Public, extensions.DeclaredAccessibility);
        var entryPoints = PublicMethods(door);
        Assert.Equal(4, entryPoints.Count); // two commands and two events; the internal sparkle stays protected
        AssertMirrors(entryPoints, extensions, door);
    }

    [Fact]
    public void RX_02_a_subclass_mirrors_its_own_and_its_inherited_entry_points()
    {
        var run = GeneratorHarness.Generate(Doors);

        var door = run.Type("N.Door");
        var alarm = run.Type("N.AlarmDoor");
        var extensions = run.Type("N.AlarmDoorRefExtensions");
        var inherited = PublicMethods(door).Concat(PublicMethods(alarm)).ToList();
        AssertMirrors(inherited, extensions, alarm);
        var alarmMethod = Assert.Single(extensions.GetMembers("Alarm").OfType<IMethodSymbol>());
        Assert.Equal(["__tt_reference", "reference"], alarmMethod.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void RX_03_the_extension_class_is_as_visible_as_the_tonic_and_absent_where_it_could_not_name_it()
    {
        var run = GeneratorHarness.Generate("""
            using TaskTonic.Dataflow;

            internal partial class Global : Tonic { private void ttsc__go() { } }

            namespace N
            {
                internal partial class Hidden : Tonic { private void ttsc__go() { } }

                public partial class Outer
                {
                    public partial class Inner : Tonic { private void ttsc__go() { } }
                    private partial class Secret : Tonic { private void ttsc__go() { } }
                    protected partial class Kept : Tonic { private void ttsc__go() { } }
                }

                public partial class Box<T> : Tonic { private void ttsc__put(int n) { } }
            }
            """);

        Assert.Empty(run.Errors);
        Assert.Equal(Accessibility.Internal, run.Type("GlobalRefExtensions").DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, run.Type("N.HiddenRefExtensions").DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, run.Type("N.Outer_InnerRefExtensions").DeclaredAccessibility);
        Assert.Null(run.Output.GetTypeByMetadataName("N.Outer_SecretRefExtensions"));
        Assert.Null(run.Output.GetTypeByMetadataName("N.Outer_KeptRefExtensions"));
        Assert.DoesNotContain(run.GeneratedSources, s => s.Contains("BoxRefExtensions", StringComparison.Ordinal));
        Assert.Contains(run.GeneratedSources, s => s.Contains("partial class Box<T>", StringComparison.Ordinal));
    }

    [Fact]
    public void RX_04_a_tonic_without_public_entry_points_emits_no_extensions()
    {
        var run = GeneratorHarness.Generate("""
            using TaskTonic.Dataflow;
            namespace N
            {
                public partial class Quiet : Tonic
                {
                    private void ttse__on_start() => Step(1);
                    private void tts__step(int n) { }
                    [InternalSparkle] private void OnTick() { }
                }
            }
            """);

        Assert.Empty(run.Errors);
        var source = Assert.Single(run.GeneratedSources);
        Assert.DoesNotContain("RefExtensions", source, StringComparison.Ordinal);
        Assert.Null(run.Output.GetTypeByMetadataName("N.QuietRefExtensions"));
    }

    /// <summary>The public instance methods a class declares itself: for a generated tonic, its command and event entry points.</summary>
    private static List<IMethodSymbol> PublicMethods(INamedTypeSymbol type) =>
        [.. type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic
            && m.DeclaredAccessibility == Accessibility.Public && !m.IsOverride)];

    private static void AssertMirrors(List<IMethodSymbol> entryPoints, INamedTypeSymbol extensions, INamedTypeSymbol tonic)
    {
        var mirrored = extensions.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
        Assert.Equal(entryPoints.Select(m => m.Name).Order(StringComparer.Ordinal), mirrored.Select(m => m.Name).Order(StringComparer.Ordinal));
        foreach (var entry in entryPoints)
        {
            var mirror = Assert.Single(mirrored, m => m.Name == entry.Name);
            Assert.True(mirror.IsExtensionMethod);
            var receiver = Assert.IsAssignableFrom<INamedTypeSymbol>(mirror.Parameters[0].Type);
            Assert.Equal("TaskTonic.Dataflow.TonicRef<T>", receiver.OriginalDefinition.ToDisplayString());
            Assert.True(SymbolEqualityComparer.Default.Equals(tonic, receiver.TypeArguments[0]));
            var rest = mirror.Parameters.Skip(1).ToList();
            Assert.Equal(entry.Parameters.Select(p => p.Name), rest.Select(p => p.Name));
            Assert.Equal(entry.Parameters.Select(p => p.Type.ToDisplayString()), rest.Select(p => p.Type.ToDisplayString()));
            Assert.Equal(entry.Parameters.Select(p => p.HasExplicitDefaultValue ? p.ExplicitDefaultValue : "none"),
                rest.Select(p => p.HasExplicitDefaultValue ? p.ExplicitDefaultValue : "none"));
        }
    }
}
