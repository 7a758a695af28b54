using Microsoft.CodeAnalysis;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Generators;

/// <summary>
/// The attribute grammar (issue 15 item 4): <c>[Command]</c>, <c>[Event]</c>, <c>[InternalSparkle]</c>, the hook
/// attributes and <c>[InState]</c> on PascalCase methods generate the same tables as the <c>ttsc__x</c> grammar.
/// </summary>
public sealed partial class AttributeGrammarTests
{
    private const string Grammar = """
        using TaskTonic.Dataflow;
        namespace N;
        [TonicStates("unlocked")]
        public partial class Door : Tonic
        {
            void ttse__on_start() { }
            void ttse_locked__on_enter() { }
            void ttse__on_exit() { }
            void ttsc__open() { }
            void ttsc_locked__open() { }
            void ttse__on_connected(string peer) { }
            void tts__step(int n) { }
        }
        """;

    private const string Attributes = """
        using TaskTonic.Dataflow;
        namespace N;
        [TonicStates("unlocked")]
        public partial class Door : Tonic
        {
            [OnStart] void Started() { }
            [OnEnter, InState("locked")] void EnteredLocked() { }
            [OnExit] void Leaving() { }
            [Command] void OnOpen() { }
            [Command("Open"), InState("locked")] void RefuseOpen() { }
            [Event] void OnConnected(string peer) { }
            [InternalSparkle("Step")] void NextStep(int n) { }
        }
        """;

    [TonicStates("unlocked")]
    private sealed partial class AttributedDoor : Tonic
    {
        public List<string> Events { get; } = [];

        [OnStart]
        private void Started()
        {
            Events.Add("start");
            ToState(States.Unlocked);
        }

        [OnEnter]
        [InState("locked")]
        private void EnteredLocked() => Events.Add("enter locked");

        [OnExit]
        private void Leaving() => Events.Add("exit " + StateName);

        [Command]
        private void OnOpen() => Events.Add("open");

        [Command("Open")]
        [InState("locked")]
        private void RefuseOpen() => Events.Add("refused");

        [Command]
        private void OnLock() => ToState(States.Locked);

        [Event]
        private void OnConnected(string peer)
        {
            Events.Add("connected " + peer);
            Step(2);
        }

        [InternalSparkle]
        private void OnStep(int n) => Events.Add("step " + n);
    }

    [Fact]
    public void Attributed_handlers_run_as_commands_events_internal_sparkles_hooks_and_state_variants()
    {
        var distiller = new Distiller();
        var door = distiller.Spawn(() => new AttributedDoor());
        distiller.RunUntilIdle();

        door.Open();
        door.NotifyConnected("bob");
        door.Lock();
        door.Open();
        distiller.RunUntilIdle();

        Assert.Equal(["start", "open", "connected bob", "exit unlocked", "enter locked", "refused", "step 2"], door.Events);
        Assert.Equal(["locked", "unlocked"], door.Descriptor.States);
    }

    private sealed partial class Blinker : Tonic
    {
        public int Phases { get; private set; }

        [OnStart]
        private void Started() => _ = new global::TaskTonic.Dataflow.Timers.SingleShotTimer(TimeSpan.FromSeconds(1), name: "phase");

        [Event]
        private void OnPhase() => Phases++;
    }

    [Fact]
    public void An_attributed_event_receives_what_the_runtime_routes_by_name_such_as_a_named_timer()
    {
        var distiller = new Distiller();
        var blinker = distiller.Spawn(() => new Blinker());
        distiller.RunUntilIdle();

        Assert.Equal(1, blinker.Phases);
        Assert.True(blinker.Descriptor.FindSparkle("ttse__on_phase") >= 0);
    }

    private sealed partial class Parent : Tonic
    {
        public List<string> Completed { get; } = [];

        [OnStart]
        private void Started() => _ = new Child();

        [OnInfusionCompleted]
        private void ChildDone(Tonic child) => Completed.Add(child.GetType().Name);

        private sealed partial class Child : Tonic
        {
            [OnStart]
            private void Started() => Finish();
        }
    }

    [Fact]
    public void OnInfusionCompleted_receives_the_completed_child()
    {
        var distiller = new Distiller();
        var parent = distiller.Spawn(() => new Parent());
        distiller.RunUntilIdle();

        Assert.Equal(["Child"], parent.Completed);
    }

    [Fact]
    public void The_attribute_grammar_generates_the_same_ids_states_and_recorded_handlers_as_the_name_grammar()
    {
        var grammar = GeneratorHarness.Generate(Grammar, "GrammarDoor");
        var attributes = GeneratorHarness.Generate(Attributes, "AttributeDoor");
        Assert.Empty(grammar.GeneratorDiagnostics);
        Assert.Empty(grammar.Errors);
        Assert.Empty(attributes.GeneratorDiagnostics);
        Assert.Empty(attributes.Errors);

        Assert.Equal(Constants(grammar.Type("N.Door+States")), Constants(attributes.Type("N.Door+States")));
        Assert.Equal(Constants(grammar.Type("N.Door+TTSparkleId")), Constants(attributes.Type("N.Door+TTSparkleId")));
        Assert.Contains(("ttse__on_connected", 5), Constants(attributes.Type("N.Door+TTSparkleId")));
        Assert.Equal(RecordedNames(grammar.Type("N.Door")), RecordedNames(attributes.Type("N.Door")));
    }

    [Fact]
    public void Entry_points_drop_the_On_prefix_and_events_are_raised_with_Notify()
    {
        var run = GeneratorHarness.Generate(Attributes, "EntryPointNames");
        var door = run.Type("N.Door");

        Assert.Equal(Accessibility.Public, Method(door, "Open").DeclaredAccessibility);
        Assert.Equal(["peer"], Method(door, "NotifyConnected").Parameters.Select(p => p.Name));
        Assert.Equal(Accessibility.Protected, Method(door, "Step").DeclaredAccessibility);
        Assert.Empty(door.GetMembers("Connected"));
        Assert.Empty(door.GetMembers("OnStart"));
        Assert.Contains("\"ttse__on_connected|string|NotifyConnected\"", run.AllGenerated.Replace("global::System.String", "string", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_subclass_in_another_assembly_keeps_the_attribute_declared_entry_points_of_its_base()
    {
        var baseRun = GeneratorHarness.Generate(Attributes, "AttributeBase");
        Assert.Empty(baseRun.Errors);
        var derived = GeneratorHarness.Generate("""
            using TaskTonic.Dataflow;
            namespace App;
            public sealed partial class Vault : N.Door
            {
                [Event, InState("locked")] void OnConnected(string peer) { }
                [Command] void OnSeal() { }
            }
            """, "AttributeDerived", baseRun.Output.ToMetadataReference());

        Assert.Empty(derived.GeneratorDiagnostics);
        Assert.Empty(derived.Errors);
        var vault = derived.Type("App.Vault");
        Assert.Empty(vault.GetMembers("NotifyConnected"));
        Assert.Equal(Accessibility.Public, Method(vault, "Seal").DeclaredAccessibility);
        Assert.Contains(("ttsc__seal", 8), Constants(derived.Type("App.Vault+TTSparkleId")));
        Assert.Contains("\"NotifyConnected\"", derived.AllGenerated, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_members_carry_GeneratedCode_and_dispatch_on_named_sparkle_ids()
    {
        var run = GeneratorHarness.Generate(Attributes, "GeneratedCodeMarks");
        var door = run.Type("N.Door");

        var generated = new ISymbol[]
        {
            Method(door, "Open"), Method(door, "NotifyConnected"), Method(door, "Step"), Method(door, "DispatchSparkle"),
            Assert.Single(door.GetMembers("GeneratedDescriptor")), run.Type("N.Door+States"), run.Type("N.Door+TTSparkleId"),
        };
        Assert.All(generated, member => Assert.Contains(member.GetAttributes(), a =>
            a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
            && (string?)a.ConstructorArguments[0].Value == "TaskTonic.Dataflow.Generators"));
        Assert.DoesNotContain(door.GetAttributes(), a => a.AttributeClass?.Name == "GeneratedCodeAttribute");
        Assert.DoesNotContain(Method(door, "OnOpen").GetAttributes(), a => a.AttributeClass?.Name == "GeneratedCodeAttribute");
        Assert.Contains("case global::N.Door.TTSparkleId.ttsc__open:", run.AllGenerated, StringComparison.Ordinal);
        Assert.Contains("base.PostSparkle(global::N.Door.TTSparkleId.tts__step, n)", run.AllGenerated, StringComparison.Ordinal);
    }

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => Assert.Single(type.GetMembers(name).OfType<IMethodSymbol>());

    private static List<(string Name, int Value)> Constants(INamedTypeSymbol type) =>
        [.. type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => (f.Name, (int)f.ConstantValue!)).OrderBy(c => c.Item2)];

    /// <summary>The handler names recorded for subclasses in other assemblies, without the attribute grammar's entry-point field.</summary>
    private static List<string> RecordedNames(INamedTypeSymbol type)
    {
        var attribute = Assert.Single(type.GetAttributes(), a => a.AttributeClass?.Name == "TonicSparklesAttribute");
        return [.. attribute.ConstructorArguments[0].Values.Select(v => ((string)v.Value!).Split('|')[0]).Order(StringComparer.Ordinal)];
    }
}
