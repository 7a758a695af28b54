using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// Writes, for a tonic class with public entry points, extension methods on <c>TonicRef&lt;ThatClass&gt;</c> that mirror
    /// each of them (same name and parameters) and post through the live incarnation, exactly as the entry point does.
    /// </summary>
    /// <remarks>
    /// The entry points are read from the model (their names are whatever the grammar or the attributes made them). Generic
    /// classes, classes inside generic types, and classes that code outside them cannot name (private or protected nested)
    /// get none: <see cref="Access"/> returns null for them. The receiver is invariant, so a subclass's extensions also
    /// mirror the public entry points it inherits.
    /// </remarks>
    internal static class RefExtensionEmitter
    {
        private const string TonicRef = "global::TaskTonic.Dataflow.TonicRef";

        private static readonly string s_generatedCode =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"TaskTonic.Dataflow.Generators\", \"{typeof(RefExtensionEmitter).Assembly.GetName().Version}\")]";

        /// <summary>Names that <c>TonicRef</c>'s own members take (an entry point with one of them could not be called as an extension).</summary>
        private static readonly HashSet<string> s_taken = new HashSet<string> { "UnsafeIncarnation", "Id", "Name", "IsFinishing", "IsCompleted", "Completion", "Finish" };

        /// <summary>The accessibility the extension class gets (<c>public</c> or <c>internal</c>), or null when none is emitted.</summary>
        public static string? Access(INamedTypeSymbol type)
        {
            var access = "public";
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.TypeParameters.Length > 0)
                {
                    return null;
                }

                switch (t.DeclaredAccessibility)
                {
                    case Accessibility.Public:
                        break;
                    case Accessibility.Internal:
                    case Accessibility.ProtectedOrInternal:
                        access = "internal";
                        break;
                    default:
                        return null;
                }
            }

            return access;
        }

        /// <summary>The extension class, or an empty string when the class has no public entry point or cannot be named.</summary>
        public static string Emit(TonicModel model)
        {
            var entries = model.Sparkles
                .Where(s => s.Kind is HandlerKind.Command or HandlerKind.Event && s.EntryPoint.Length > 0 && !s_taken.Contains(s.EntryPoint))
                .ToList();
            if (model.RefAccess is null || entries.Count == 0)
            {
                return string.Empty;
            }

            var path = model.Containers.Select(c => c.Name).Concat(new[] { model.ClassName }).ToList();
            var display = string.Join(".", path);
            var receiver = $"{TonicRef}<global::{string.Join(".", new[] { model.Namespace }.Concat(path).Where(p => p is not null))}>";
            var b = new StringBuilder();
            b.Append('\n');
            var indent = model.Namespace is null ? string.Empty : "    ";
            if (model.Namespace is not null)
            {
                b.Append("namespace ").Append(model.Namespace).Append("\n{\n");
            }

            b.Append(indent).Append($"/// <summary>The public entry points of <c>{display}</c>, called on its <c>TonicRef</c> address.</summary>\n");
            b.Append(indent).Append(s_generatedCode).Append('\n');
            b.Append(indent).Append($"{model.RefAccess} static class {string.Join("_", path)}RefExtensions\n");
            b.Append(indent).Append("{\n");
            foreach (var sparkle in entries)
            {
                EmitMethod(b, indent + "    ", sparkle, receiver, display);
            }

            b.Append(indent).Append("}\n");
            if (model.Namespace is not null)
            {
                b.Append("}\n");
            }

            return b.ToString();
        }

        private static void EmitMethod(StringBuilder b, string indent, SparkleModel sparkle, string receiver, string display)
        {
            var self = sparkle.Parameters.Any(p => p.Name == "reference") ? "__tt_reference" : "reference";
            var parameters = sparkle.Parameters.Select(p => p.DefaultValue is null ? $", {p.Type} {p.Name}" : $", {p.Type} {p.Name} = {p.DefaultValue}");
            var arguments = string.Join(", ", sparkle.Parameters.Select(p => p.Name));
            var what = sparkle.Kind == HandlerKind.Command ? "command" : "event";
            b.Append(indent).Append($"/// <summary>Queues the {what} <c>{sparkle.GenericName}</c> on the live incarnation of the referenced tonic, exactly as <c>{display}.{sparkle.EntryPoint}</c> does; its handler for the state at execution time runs on the tonic's catalyst. A default ref throws <c>InvalidOperationException</c>.</summary>\n");
            b.Append(indent).Append($"public static void {sparkle.EntryPoint}(this {receiver} {self}{string.Concat(parameters)}) => {self}.UnsafeIncarnation.{sparkle.EntryPoint}({arguments});\n");
        }
    }
}
