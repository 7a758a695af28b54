using System.Reflection;
using Microsoft.CodeAnalysis;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>
/// What the generator emits (issue 2 point 1): entry points and their accessibility, state constants, the descriptor,
/// and subclasses (same compilation, another compilation, a compiled image) that extend a base without renumbering it.
/// </summary>
public sealed partial class GeneratedCodeTests
{
    private const string BaseSource = """
        using System.Collections.Generic;
        using TaskTonic.Dataflow;

        namespace Lib
        {
            public partial class BaseDoor : Tonic
            {
                public List<string> Events { get; } = new();
                private void ttse__on_start() { }
                private void ttsc_locked__open() => Events.Add("base locked open");
                private void ttsc_unlocked__open() => Events.Add("base unlocked open");
                private void ttsc__open() => Events.Add("base generic open");
                private void ttse__on_data(string text, int count) => Events.Add($"base data {text} {count}");
                private void tts__chain(int n) => Events.Add("base chain " + n);
                private void _tts__step() => Events.Add("base step");
                private void ttsc__tick() => Events.Add("base tick");
                private void ttsc__knock(string who = "bob", int times = 2) => Events.Add($"{who} x{times}");
            }

            public sealed partial class Bell : Tonic
            {
                private void ttsc__ring() => Ding();
                private void tts__ding() { }
            }
        }
        """;

    private const string DerivedSource = """
        using TaskTonic.Dataflow;

        namespace App
        {
            public sealed partial class BrokenDoor : Lib.BaseDoor
            {
                private void ttsc_broken__open() => Events.Add("derived broken open");
                private void ttsc_locked__open() => Events.Add("derived locked open");
                private void ttsc__alarm()
                {
                    Events.Add("derived alarm");
                    Chain(7);
                }
            }

            public sealed partial class GenericDoor : Lib.BaseDoor
            {
                private void ttsc__open() => Events.Add("derived generic open");
            }
        }
        """;

    private static readonly string[] s_baseSparkles = ["ttsc__open", "ttse__on_data", "tts__chain", "tts__step", "ttsc__tick", "ttsc__knock"];

    [TonicStates("unlocked")]
    private partial class LocalBase : Tonic
    {
        public List<string> Events { get; } = [];

        private void ttsc_locked__open() => Events.Add("base locked open");

        private void ttsc_unlocked__open() => Events.Add("base unlocked open");

        private void ttsc__open() => Events.Add("base generic open");
    }

    private sealed partial class LocalGeneric : LocalBase
    {
        private void ttsc__open() => Events.Add("derived generic open");
    }

    private sealed partial class LocalBroken : LocalBase
    {
        private void ttsc_broken__open() => Events.Add("derived broken open");
    }

    [Fact]
    public void Entry_points_are_public_for_commands_and_events_and_protected_or_private_for_internal_sparkles()
    {
        var run = GeneratorHarness.Generate(BaseSource, "EntryPoints");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);
        var door = run.Type("Lib.BaseDoor");
        var bell = run.Type("Lib.Bell");

        Assert.Equal(Accessibility.Public, Method(door, "Open").DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, Method(door, "Tick").DeclaredAccessibility);
        var onData = Method(door, "NotifyData");
        Assert.Equal(Accessibility.Public, onData.DeclaredAccessibility);
        Assert.Equal(["string", "int"], onData.Parameters.Select(p => p.Type.ToDisplayString()));
        Assert.Equal(["text", "count"], onData.Parameters.Select(p => p.Name));
        Assert.Equal(Accessibility.Protected, Method(door, "Chain").DeclaredAccessibility);
        Assert.Equal(Accessibility.Protected, Method(door, "Step").DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, Method(bell, "Ring").DeclaredAccessibility);
        Assert.Equal(Accessibility.Private, Method(bell, "Ding").DeclaredAccessibility);
        Assert.All(new[] { Method(door, "Open"), onData, Method(door, "Chain"), Method(bell, "Ding") }, m => Assert.True(m.ReturnsVoid));

        // The handlers themselves stay private: nothing outside the class can run a sparkle body directly.
        Assert.Equal(Accessibility.Private, Method(door, "ttsc__open").DeclaredAccessibility);
        Assert.Equal(Accessibility.Private, Method(door, "ttsc_locked__open").DeclaredAccessibility);

        var knock = Method(door, "Knock");
        Assert.Equal(["bob", 2], knock.Parameters.Select(p => p.ExplicitDefaultValue));
    }

    [Fact]
    public void States_become_int_constants_in_alphabetical_order()
    {
        var run = GeneratorHarness.Generate(BaseSource, "StateConstants");

        Assert.Equal([("Locked", 0), ("Unlocked", 1)], Constants(run.Type("Lib.BaseDoor+States")));
        Assert.Null(run.Output.GetTypeByMetadataName("Lib.Bell+States"));
    }

    [Fact]
    public void Fix4_1_13_a_handler_cannot_be_called_from_outside_only_its_entry_point()
    {
        var run = GeneratorHarness.Generate(BaseSource + """

            namespace Lib
            {
                public static class Outsider
                {
                    public static void Fine(BaseDoor door) => door.Open();
                    public static void RunsTheBody(BaseDoor door) => door.ttsc__open();
                    public static void CallsTheInternalSparkle(BaseDoor door) => door.Chain(1);
                }
            }
            """, "Outsider");

        Assert.Empty(run.GeneratorDiagnostics);
        var errors = run.Errors.Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("CS0122", e.Id));
        var lines = errors.Select(e => e.Location.GetLineSpan().StartLinePosition.Line).ToHashSet();
        var text = run.Output.SyntaxTrees.First().GetText();
        Assert.All(lines, l => Assert.DoesNotContain("door.Open()", text.Lines[l].ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_subclass_in_the_same_compilation_appends_its_states_and_sparkles()
    {
        var run = GeneratorHarness.Generate(BaseSource + "\n" + DerivedSource.Replace("using TaskTonic.Dataflow;", string.Empty, StringComparison.Ordinal), "SameCompilation");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Errors);

        Assert.Equal([("Locked", 0), ("Unlocked", 1), ("Broken", 2)], Constants(run.Type("App.BrokenDoor+States")));
        Assert.Equal([("Locked", 0), ("Unlocked", 1)], Constants(run.Type("App.GenericDoor+States")));
        Assert.Equal(Accessibility.Public, Method(run.Type("App.BrokenDoor"), "Alarm").DeclaredAccessibility);
        Assert.Empty(run.Type("App.BrokenDoor").GetMembers("Open"));

        var assembly = GeneratorHarness.Load(new Dictionary<string, byte[]> { ["SameCompilation"] = GeneratorHarness.Emit(run.Output) })["SameCompilation"];
        AssertSubclassesExtendTheBase(assembly, assembly);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_subclass_in_another_assembly_extends_the_compiled_base_without_renumbering_it(bool baseAsImage)
    {
        var suffix = baseAsImage ? "Image" : "Reference";
        var baseName = "BaseLib" + suffix;
        var baseRun = GeneratorHarness.Generate(BaseSource, baseName);
        Assert.Empty(baseRun.GeneratorDiagnostics);
        Assert.Empty(baseRun.Errors);
        var baseImage = GeneratorHarness.Emit(baseRun.Output);
        MetadataReference baseReference = baseAsImage ? MetadataReference.CreateFromImage(baseImage) : baseRun.Output.ToMetadataReference();

        var derivedName = "DerivedApp" + suffix;
        var derivedRun = GeneratorHarness.Generate(DerivedSource, derivedName, baseReference);

        Assert.Empty(derivedRun.GeneratorDiagnostics);
        Assert.Empty(derivedRun.Errors);
        Assert.Equal([("Locked", 0), ("Unlocked", 1), ("Broken", 2)], Constants(derivedRun.Type("App.BrokenDoor+States")));
        Assert.Equal([("Locked", 0), ("Unlocked", 1)], Constants(derivedRun.Type("App.GenericDoor+States")));

        var images = new Dictionary<string, byte[]> { [baseName] = baseImage, [derivedName] = GeneratorHarness.Emit(derivedRun.Output) };
        var loaded = GeneratorHarness.Load(images);
        Assert.Contains(loaded[derivedName].GetReferencedAssemblies(), a => a.Name == baseName);
        AssertSubclassesExtendTheBase(loaded[baseName], loaded[derivedName]);
    }

    [Fact]
    public void A_derived_generic_handler_does_not_hide_the_base_state_specific_handlers()
    {
        var distiller = new Distiller();
        var door = distiller.Spawn(() => new LocalGeneric());
        distiller.RunUntilIdle();

        door.Open();
        door.RequestState("locked");
        door.Open();
        door.RequestState("unlocked");
        door.Open();
        door.RequestState(Tonic.NoState);
        door.Open();
        distiller.RunUntilIdle();

        Assert.Equal(["derived generic open", "base locked open", "base unlocked open", "derived generic open"], door.Events);
    }

    [Fact]
    public void A_derived_state_handler_adds_a_state_after_the_base_states_and_keeps_the_base_handlers()
    {
        var distiller = new Distiller();
        var door = distiller.Spawn(() => new LocalBroken());
        distiller.RunUntilIdle();

        Assert.Equal((0, 1), (LocalBase.States.Locked, LocalBase.States.Unlocked));
        Assert.Equal((0, 1, 2), (LocalBroken.States.Locked, LocalBroken.States.Unlocked, LocalBroken.States.Broken));
        Assert.Equal(["locked", "unlocked", "broken"], door.Descriptor.States);

        door.Open();
        door.RequestState(LocalBroken.States.Broken);
        door.Open();
        door.RequestState("locked");
        door.Open();
        distiller.RunUntilIdle();

        Assert.Equal(["base generic open", "derived broken open", "base locked open"], door.Events);
    }

    private static void AssertSubclassesExtendTheBase(Assembly lib, Assembly app)
    {
        var distiller = new Distiller();
        var baseDoor = distiller.Spawn(() => Create(lib, "Lib.BaseDoor"));
        var broken = distiller.Spawn(() => Create(app, "App.BrokenDoor"));
        var generic = distiller.Spawn(() => Create(app, "App.GenericDoor"));
        distiller.RunUntilIdle();

        // The base's states and sparkle ids are the same in every subclass; the subclass's own come after them.
        Assert.Equal(["locked", "unlocked"], baseDoor.Descriptor.States);
        Assert.Equal(["locked", "unlocked", "broken"], broken.Descriptor.States);
        Assert.Equal(["locked", "unlocked"], generic.Descriptor.States);
        foreach (var name in s_baseSparkles)
        {
            var id = baseDoor.Descriptor.FindSparkle(name);
            Assert.True(id >= 4, name);
            Assert.Equal(id, broken.Descriptor.FindSparkle(name));
            Assert.Equal(id, generic.Descriptor.FindSparkle(name));
        }

        Assert.Equal(baseDoor.Descriptor.Sparkles.Count, broken.Descriptor.FindSparkle("ttsc__alarm"));
        Assert.Equal(baseDoor.Descriptor.Sparkles.Count + 1, broken.Descriptor.Sparkles.Count);
        Assert.Equal([typeof(string), typeof(int)], broken.Descriptor.Sparkles[broken.Descriptor.FindSparkle("NotifyData")].ParameterTypes);

        // Dispatch: the subclass's handler where it has one, else the base's (state-specific, then generic).
        Call(broken, "Open");
        broken.RequestState("locked");
        Call(broken, "Open");
        broken.RequestState("unlocked");
        Call(broken, "Open");
        broken.RequestState("broken");
        Call(broken, "Open");
        Call(broken, "Alarm");
        Call(broken, "NotifyData", "x", 3);
        Call(generic, "Open");
        generic.RequestState("locked");
        Call(generic, "Open");
        generic.RequestState("unlocked");
        Call(generic, "Open");
        distiller.RunUntilIdle();

        Assert.Equal(
            ["base generic open", "derived locked open", "base unlocked open", "derived broken open", "derived alarm", "base data x 3", "base chain 7"],
            Events(broken));
        Assert.Equal(["derived generic open", "base locked open", "base unlocked open"], Events(generic));
        Assert.Equal(0, distiller.Ledger.FailureCount);
    }

    private static Tonic Create(Assembly assembly, string typeName) =>
        (Tonic)Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!)!;

    private static void Call(Tonic tonic, string method, params object?[] args) =>
        tonic.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!.Invoke(tonic, args);

    private static List<string> Events(Tonic tonic) => (List<string>)tonic.GetType().GetProperty("Events")!.GetValue(tonic)!;

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => Assert.Single(type.GetMembers(name).OfType<IMethodSymbol>());

    private static List<(string Name, int Value)> Constants(INamedTypeSymbol states) =>
        [.. states.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => (f.Name, (int)f.ConstantValue!))];
}
