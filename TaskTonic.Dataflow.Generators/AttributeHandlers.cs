using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// The attribute grammar: <c>[Command]</c>, <c>[Event]</c>, <c>[InternalSparkle]</c>, the hook attributes and
    /// <c>[InState]</c> on ordinary methods, mapped onto the same <see cref="HandlerName"/> as the <c>ttsc__x</c> grammar.
    /// </summary>
    /// <remarks>
    /// Names: the sparkle's PascalCase name comes from the attribute (<c>[Command("Open")]</c>) or from the method name
    /// minus its <c>On</c> prefix (<c>OnOpen</c>). Commands and internal sparkles get that name as entry point; events get
    /// <c>Notify</c> + name, because in .NET an <c>OnX</c> method is the handler, not what the sender calls. An event's
    /// sparkle keeps TaskTonic's <c>on_</c> form (<c>[Event] OnPhase</c> is <c>ttse__on_phase</c>), so the runtime's
    /// routing by name (timers to <c>ttse__on_&lt;name&gt;</c>, service hooks, <c>ttse__on_restart</c>) reaches it.
    /// </remarks>
    internal static class AttributeHandlers
    {
        private const int FirstHook = 3;
        // In the order of KnownSymbols.DeclarationAttributes: kinds, hooks (in hook-id order), InState last.
        private const int BindEvent = 8;
        private static readonly string[] s_short = { "Command", "Event", "InternalSparkle", "OnStart", "OnEnter", "OnExit", "OnFinished", "OnInfusionCompleted", "BindEvent", "InState" };
        private static readonly string[] s_hooks = { "on_start", "on_enter", "on_exit", "on_finished", "on_infusion_completed" };
        private static readonly Regex s_pascal = new Regex("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_onName = new Regex("^On[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);

        /// <summary>The parsed declaration of an attributed method, or null with a diagnostic added.</summary>
        public static (HandlerName Name, string? EntryPoint)? Parse(IMethodSymbol method, List<(int Index, AttributeData Attribute)> declarations,
            Location? location, List<DiagnosticInfo>? diagnostics)
        {
            var kinds = declarations.Where(d => d.Index < s_short.Length - 1).ToList();
            string? misuse = null;
            if (kinds.Count == 0)
            {
                misuse = "has [InState] but no [Command], [Event], [InternalSparkle], [BindEvent] or lifecycle hook attribute ([OnStart], [OnEnter], [OnExit], [OnFinished], [OnInfusionCompleted]), so it declares nothing";
            }
            else if (kinds.Count > 1)
            {
                misuse = $"has both [{s_short[kinds[0].Index]}] and [{s_short[kinds[1].Index]}]; a method declares one sparkle";
            }
            else if (HandlerName.LooksLikeHandler(method.Name))
            {
                misuse = $"is named with the ttsc/ttse/tts grammar and also has [{s_short[kinds[0].Index]}]; use one of the two";
            }

            if (misuse is not null)
            {
                diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.DeclarationMisuse, location, method.Name, misuse));
                return null;
            }

            string? state = null;
            var inState = declarations.FirstOrDefault(d => d.Index == s_short.Length - 1).Attribute;
            if (inState is not null)
            {
                state = inState.ConstructorArguments.Length == 1 ? inState.ConstructorArguments[0].Value as string : null;
                if (state is null || !HandlerName.IsValidSegment(state))
                {
                    diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.BadName, location, "[InState(\"" + state + "\")] on " + method.Name));
                    return null;
                }
            }

            var kind = kinds[0];
            if (kind.Index == BindEvent)
            {
                return BindingName(method, kind.Attribute, state, location, diagnostics);
            }

            if (kind.Index >= FirstHook)
            {
                return (new HandlerName("ttse", state, s_hooks[kind.Index - FirstHook], HandlerKind.Hook), null);
            }

            var pascal = SparkleName(method, kind, location, diagnostics);
            if (pascal is null)
            {
                return null;
            }

            var snake = ToSnakeCase(pascal);
            return kind.Index switch
            {
                0 => (new HandlerName("ttsc", state, snake, HandlerKind.Command), pascal),
                1 => (new HandlerName("ttse", state, "on_" + snake, HandlerKind.Event), "Notify" + pascal),
                _ => (new HandlerName("tts", state, snake, HandlerKind.Internal), pascal),
            };
        }

        /// <summary>The grammar form of a parsed name (<c>ttsc_locked__open</c>), recorded for subclasses in other assemblies.</summary>
        public static string GrammarName(HandlerName name) =>
            name.Prefix + (name.State is null ? string.Empty : "_" + name.State) + "__" + name.Name;

        /// <summary><c>DataReady</c> → <c>data_ready</c> (round-trips through <see cref="HandlerName.ToPascalCase"/>).</summary>
        public static string ToSnakeCase(string pascal)
        {
            var builder = new StringBuilder(pascal.Length + 4);
            for (var i = 0; i < pascal.Length; i++)
            {
                if (i > 0 && char.IsUpper(pascal[i]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(pascal[i]));
            }

            return builder.ToString();
        }

        /// <summary><c>[BindEvent("OkButton", "Clicked")]</c> → <c>ttev__ok_button__clicked</c>; null (TTDF018) when a name is not an identifier.</summary>
        private static (HandlerName Name, string? EntryPoint)? BindingName(IMethodSymbol method, AttributeData attribute, string? state,
            Location? location, List<DiagnosticInfo>? diagnostics)
        {
            var arguments = attribute.ConstructorArguments;
            var member = arguments.Length == 2 ? arguments[0].Value as string : null;
            var evt = arguments.Length == 2 ? arguments[1].Value as string : null;
            var snakeMember = member is null ? null : ToSnakeCase(member.TrimStart('_'));
            var snakeEvent = evt is null ? null : ToSnakeCase(evt);
            if (snakeMember is null || snakeEvent is null || !HandlerName.IsValidSegment(snakeMember) || !HandlerName.IsValidSegment(snakeEvent))
            {
                diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.DeclarationMisuse, location, method.Name,
                    $"gives [BindEvent] the member '{member}' and the event '{evt}'; both must be identifiers of letters and digits (use nameof)"));
                return null;
            }

            return (new HandlerName("ttev", state, snakeMember + "__" + snakeEvent, HandlerKind.Binding), null);
        }

        private static string? SparkleName(IMethodSymbol method, (int Index, AttributeData Attribute) kind, Location? location, List<DiagnosticInfo>? diagnostics)
        {
            var arguments = kind.Attribute.ConstructorArguments;
            var attribute = s_short[kind.Index];
            string? problem = null;
            string? name = null;
            if (arguments.Length == 1)
            {
                name = arguments[0].Value as string;
                if (name is null || !s_pascal.IsMatch(name))
                {
                    problem = $"gives [{attribute}] the name '{name}', which is not a PascalCase identifier of letters and digits";
                }
            }
            else if (s_onName.IsMatch(method.Name))
            {
                name = method.Name.Substring(2);
            }
            else
            {
                problem = $"has [{attribute}] without a name and is not named On<Name>";
            }

            if (problem is null && kind.Index == 1 && System.Array.IndexOf(s_hooks, "on_" + ToSnakeCase(name!)) >= 0)
            {
                problem = $"declares the event '{name}', which is the lifecycle hook ttse__on_{ToSnakeCase(name!)}; use [On{name}] instead";
            }

            if (problem is not null)
            {
                diagnostics?.Add(DiagnosticInfo.Create(Diagnostics.AttributeSparkleName, location, method.Name, problem));
                return null;
            }

            return name;
        }
    }
}
