using System.Text;
using System.Text.RegularExpressions;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>The kinds of handler, from the prefix.</summary>
    internal enum HandlerKind
    {
        Hook,
        Command,
        Event,
        Internal,

        /// <summary>A <c>ttev__member__event</c> handler: a sparkle posted by a bound .NET event or <c>IObservable</c>.</summary>
        Binding,
    }

    /// <summary>
    /// A parsed TaskTonic handler name: <c>prefix__name</c> (generic) or <c>prefix_state__name</c> (state-specific),
    /// with prefixes <c>ttsc</c>, <c>ttse</c>, <c>tts</c> and <c>_tts</c>; and <c>ttev__member__event</c> (or
    /// <c>ttev_state__member__event</c>), whose name holds two segments split at the last <c>__</c>.
    /// </summary>
    internal sealed record HandlerName(string Prefix, string? State, string Name, HandlerKind Kind)
    {
        private static readonly Regex s_segment = new Regex("^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant);
        private static readonly string[] s_hooks = { "on_start", "on_enter", "on_exit", "on_finished", "on_infusion_completed" };

        /// <summary>The hook id of <c>on_infusion_completed</c>, the one hook that may take a parameter (the completed <c>Tonic</c>).</summary>
        public const int InfusionCompletedHookId = 4;

        /// <summary>The generic TaskTonic name, e.g. <c>ttsc__open</c>; the key of the sparkle.</summary>
        public string GenericName => Kind == HandlerKind.Internal ? "tts__" + Name : Prefix + "__" + Name;

        /// <summary>True when a method name claims to be a handler (starts with a handler prefix and an underscore).</summary>
        public static bool LooksLikeHandler(string methodName) =>
            methodName.StartsWith("ttsc_", System.StringComparison.Ordinal)
            || methodName.StartsWith("ttse_", System.StringComparison.Ordinal)
            || methodName.StartsWith("ttev_", System.StringComparison.Ordinal)
            || methodName.StartsWith("tts_", System.StringComparison.Ordinal)
            || methodName.StartsWith("_tts_", System.StringComparison.Ordinal);

        /// <summary>Parses a handler name; null when it does not follow the grammar.</summary>
        public static HandlerName? TryParse(string methodName)
        {
            string prefix;
            if (methodName.StartsWith("_tts_", System.StringComparison.Ordinal))
            {
                prefix = "_tts";
            }
            else if (methodName.StartsWith("ttsc_", System.StringComparison.Ordinal))
            {
                prefix = "ttsc";
            }
            else if (methodName.StartsWith("ttse_", System.StringComparison.Ordinal))
            {
                prefix = "ttse";
            }
            else if (methodName.StartsWith("ttev_", System.StringComparison.Ordinal))
            {
                prefix = "ttev";
            }
            else if (methodName.StartsWith("tts_", System.StringComparison.Ordinal))
            {
                prefix = "tts";
            }
            else
            {
                return null;
            }

            var rest = methodName.Substring(prefix.Length);
            string? state = null;
            string name;
            if (rest.StartsWith("__", System.StringComparison.Ordinal))
            {
                name = rest.Substring(2);
            }
            else
            {
                var stateAndName = rest.Substring(1);
                var split = stateAndName.IndexOf("__", System.StringComparison.Ordinal);
                if (split <= 0)
                {
                    return null;
                }

                state = stateAndName.Substring(0, split);
                name = stateAndName.Substring(split + 2);
                if (!s_segment.IsMatch(state))
                {
                    return null;
                }
            }

            if (prefix == "ttev" ? SplitBinding(name) is null : !s_segment.IsMatch(name))
            {
                return null;
            }

            var kind = prefix switch
            {
                "ttsc" => HandlerKind.Command,
                "ttev" => HandlerKind.Binding,
                "ttse" => System.Array.IndexOf(s_hooks, name) >= 0 ? HandlerKind.Hook : HandlerKind.Event,
                _ => HandlerKind.Internal,
            };
            return new HandlerName(prefix, state, name, kind);
        }

        /// <summary><c>ok_button__clicked</c> → (<c>ok_button</c>, <c>clicked</c>): split at the last <c>__</c>; null unless both are segments.</summary>
        public static (string Member, string Event)? SplitBinding(string name)
        {
            var split = name.LastIndexOf("__", System.StringComparison.Ordinal);
            if (split <= 0)
            {
                return null;
            }

            var member = name.Substring(0, split);
            var evt = name.Substring(split + 2);
            return s_segment.IsMatch(member) && s_segment.IsMatch(evt) ? (member, evt) : null;
        }

        /// <summary>The hook id (0–4) of a hook name, else -1.</summary>
        public int HookId => Kind == HandlerKind.Hook ? System.Array.IndexOf(s_hooks, Name) : -1;

        /// <summary>True for a valid snake_case state or name segment (<c>locked</c>, <c>wait_on_timer</c>).</summary>
        public static bool IsValidSegment(string segment) => s_segment.IsMatch(segment);

        /// <summary><c>on_data</c> → <c>OnData</c>.</summary>
        public static string ToPascalCase(string snake)
        {
            var builder = new StringBuilder(snake.Length);
            foreach (var part in snake.Split('_'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                builder.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
            }

            return builder.ToString();
        }
    }
}
