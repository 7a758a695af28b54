using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>The generator's diagnostics. Ids are stable: tests and users suppress by them.</summary>
    internal static class Diagnostics
    {
        private const string Category = "TaskTonic.Dataflow";

        // A path in this repository: every id has a page there (no external site is referenced).
        private const string HelpRoot = "docs/diagnostics/";

        public static readonly DiagnosticDescriptor NotPartial = new DiagnosticDescriptor(
            "TTDF001", "Tonic class must be partial",
            "Tonic class '{0}' declares sparkle handlers but is not partial; add the 'partial' modifier so the entry points can be generated",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF001.md");

        public static readonly DiagnosticDescriptor ConflictingName = new DiagnosticDescriptor(
            "TTDF002", "Sparkle name declared twice or with two kinds",
            "Sparkle '{0}' of '{1}' is declared as {2} and as {3}; a sparkle name has one kind (command ttsc, event ttse, or internal tts/_tts) and one handler per state",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF002.md");

        public static readonly DiagnosticDescriptor ParameterMismatch = new DiagnosticDescriptor(
            "TTDF003", "Handlers of one sparkle must have the same parameters",
            "Handler '{0}' has parameters ({1}) but other handlers of sparkle '{2}' have ({3}); every state variant of a sparkle takes the same parameter types",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF003.md");

        public static readonly DiagnosticDescriptor NotVoid = new DiagnosticDescriptor(
            "TTDF004", "Sparkle handlers return void",
            "Handler '{0}' returns '{1}'; sparkle handlers must return void (a sparkle is queued, its result cannot reach the caller; send an event back instead)",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF004.md");

        public static readonly DiagnosticDescriptor BadName = new DiagnosticDescriptor(
            "TTDF005", "Handler name does not parse",
            "Method '{0}' starts with a sparkle prefix but is not a valid handler name; use prefix__name or prefix_state__name with prefix ttsc, ttse, tts or _tts, and snake_case segments of letters and digits that start with a letter (an event binding is ttev__member__event)",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF005.md");

        public static readonly DiagnosticDescriptor UnsupportedSignature = new DiagnosticDescriptor(
            "TTDF006", "Unsupported handler signature",
            "Handler '{0}' {1}; sparkle handlers are non-generic instance methods with by-value parameters",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF006.md");

        public static readonly DiagnosticDescriptor HookWithParameters = new DiagnosticDescriptor(
            "TTDF007", "Lifecycle hooks take no parameters",
            "Lifecycle hook '{0}' must take no parameters",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF007.md");

        public static readonly DiagnosticDescriptor ContainerNotPartial = new DiagnosticDescriptor(
            "TTDF008", "Containing type must be partial",
            "Tonic class '{0}' is nested in '{1}', which is not partial; make every containing type partial",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF008.md");

        public static readonly DiagnosticDescriptor CannotCrossCatalysts = new DiagnosticDescriptor(
            "TTDF009", "Argument type can cross catalysts neither by reference nor by copy",
            "Parameter '{0}' of handler '{1}' has type '{2}', which is not immutable and cannot be copied with MessagePack: {3}; use an immutable type (a record, a readonly struct, an immutable collection), a MessagePack-serializable type, or mark the parameter [PassByReference] to share it deliberately",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF009.md");

        public static readonly DiagnosticDescriptor EntryPointClash = new DiagnosticDescriptor(
            "TTDF010", "Generated entry point clashes with an existing member",
            "The entry point '{0}' generated for sparkle '{1}' clashes with {2}; rename the handler or the member",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF010.md");

        public static readonly DiagnosticDescriptor AsyncHandler = new DiagnosticDescriptor(
            "TTDF011", "Sparkle handlers are synchronous",
            "Handler '{0}' is async; a sparkle runs to completion on its catalyst, so the code after an await would run outside it and an exception there would kill the process; make the handler synchronous, start the Task in it and receive the outcome as a later sparkle with task.DeliverTo(this, onResult, onFailed) (TaskTonic.Dataflow.Tasks.TaskDelivery)",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF011.md");

        public static readonly DiagnosticDescriptor StatesClassClash = new DiagnosticDescriptor(
            "TTDF012", "Name clashes with the generated States class",
            "{0} clashes with the nested class 'States' generated to hold the state constants of '{1}'; {2}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF012.md");

        public static readonly DiagnosticDescriptor PascalCaseCollision = new DiagnosticDescriptor(
            "TTDF013", "Names collide after PascalCase conversion",
            "{0} '{1}' and '{2}' both generate the member '{3}'; rename one of them so that their PascalCase forms differ",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF013.md");

        public static readonly DiagnosticDescriptor FileLocalTonic = new DiagnosticDescriptor(
            "TTDF014", "Tonic class cannot be file-local",
            "Tonic class '{0}' is {1}, but its generated part lives in another file and cannot extend a file-local type; remove the 'file' modifier (make it internal or private nested instead)",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF014.md");

        public static readonly DiagnosticDescriptor UnknownPrefix = new DiagnosticDescriptor(
            "TTDF015", "Unknown sparkle prefix",
            "Method '{0}' looks like a sparkle handler but '{1}' is not a sparkle prefix, so it stays a plain method that no sparkle calls; use ttsc (command), ttse (event), tts or _tts (internal), or rename it without the tt prefix",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF015.md");

        public static readonly DiagnosticDescriptor NeverRaisedHook = new DiagnosticDescriptor(
            "TTDF016", "Handler name is never raised by the runtime",
            "Handler '{0}' is named like a hook that TaskTonic.Dataflow never raises, so it is an ordinary event nothing sends; {1}",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF016.md");

        public static readonly DiagnosticDescriptor AttributeSparkleName = new DiagnosticDescriptor(
            "TTDF017", "Attribute-declared sparkle has no valid name",
            "Handler '{0}' {1}; name the method On<Name> (the entry point is then <Name>, or Notify<Name> for an event) or give the name in the attribute, as in [Command(\"Open\")]",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF017.md");

        public static readonly DiagnosticDescriptor DeclarationMisuse = new DiagnosticDescriptor(
            "TTDF018", "Sparkle declaration attributes misused",
            "Method '{0}' {1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF018.md");

        public static readonly DiagnosticDescriptor UnknownState = new DiagnosticDescriptor(
            "TTDF019", "Not a state of the tonic",
            "{0} is not a state of '{1}', whose states are {2}; pass a generated States constant (or Tonic.NoState) so that a misspelled state is a compile error",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF019.md");

        public static readonly DiagnosticDescriptor BindingMemberNotFound = new DiagnosticDescriptor(
            "TTDF020", "Bound member not found",
            "Handler '{0}' binds member '{1}', but '{2}' has no field or property named {3} that it can read; declare the member or fix the name (ttev__member__event)",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF020.md");

        public static readonly DiagnosticDescriptor BindingEventNotFound = new DiagnosticDescriptor(
            "TTDF021", "Bound event not found",
            "Handler '{0}' binds '{1}' of member '{2}' (type '{3}'), but {4}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF021.md");

        public static readonly DiagnosticDescriptor BindingParameterMismatch = new DiagnosticDescriptor(
            "TTDF022", "Handler parameters do not match the bound event",
            "Handler '{0}' takes ({1}) but {2} delivers ({3}); {4}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "TTDF022.md");

        private static readonly DiagnosticDescriptor[] s_all =
        {
            NotPartial, ConflictingName, ParameterMismatch, NotVoid, BadName, UnsupportedSignature, HookWithParameters,
            ContainerNotPartial, CannotCrossCatalysts, EntryPointClash, AsyncHandler, StatesClassClash, PascalCaseCollision,
            FileLocalTonic, UnknownPrefix, NeverRaisedHook, AttributeSparkleName, DeclarationMisuse,
            UnknownState, BindingMemberNotFound, BindingEventNotFound, BindingParameterMismatch,
        };

        /// <summary>Every descriptor, for tests that check ids, help links and documentation pages.</summary>
        public static System.Collections.Generic.IReadOnlyList<DiagnosticDescriptor> All => s_all;

        /// <summary>The descriptor with <paramref name="id"/>.</summary>
        public static DiagnosticDescriptor ById(string id)
        {
            foreach (var descriptor in s_all)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            throw new System.InvalidOperationException(id);
        }
    }
}
