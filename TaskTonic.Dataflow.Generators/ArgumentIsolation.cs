using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>How an argument crosses from one catalyst to another, decided per parameter type at compile time.</summary>
    internal enum Isolation
    {
        /// <summary>Immutable (or explicitly shared): passed by reference.</summary>
        Share,

        /// <summary>Mutable but serializable: copied with MessagePack when the call crosses catalysts.</summary>
        Copy,

        /// <summary>Neither: a compile-time error unless the parameter is marked <c>[PassByReference]</c>.</summary>
        Reject,
    }

    /// <summary>Classifies parameter types for <see cref="Isolation"/>.</summary>
    internal static partial class ArgumentIsolation
    {
        public const string PassByReferenceAttribute = "TaskTonic.Dataflow.PassByReferenceAttribute";

        private static readonly HashSet<string> s_immutableTypes = new HashSet<string>
        {
            "System.DateTime", "System.DateTimeOffset", "System.TimeSpan", "System.Guid", "System.DateOnly", "System.TimeOnly",
            "System.Uri", "System.Version", "System.Threading.CancellationToken", "System.Type", "System.Half", "System.Int128",
            "System.UInt128", "System.Numerics.BigInteger", "System.Text.Rune", "System.Index", "System.Range",
            "System.Threading.Tasks.Task", "System.Threading.Tasks.ValueTask", "System.Exception",
        };

        private static readonly HashSet<string> s_collections = new HashSet<string>
        {
            "System.Collections.Generic.List", "System.Collections.Generic.Dictionary", "System.Collections.Generic.HashSet",
            "System.Collections.Generic.IList", "System.Collections.Generic.IReadOnlyList", "System.Collections.Generic.ICollection",
            "System.Collections.Generic.IReadOnlyCollection", "System.Collections.Generic.IEnumerable",
            "System.Collections.Generic.IDictionary", "System.Collections.Generic.IReadOnlyDictionary", "System.Collections.Generic.ISet",
            "System.Collections.Generic.Queue", "System.Collections.Generic.Stack", "System.Collections.Generic.SortedDictionary",
            "System.Collections.Generic.LinkedList", "System.Collections.Generic.KeyValuePair",
        };

        /// <summary>The isolation of a parameter; <paramref name="reason"/> says why when it is <see cref="Isolation.Reject"/>.</summary>
        public static Isolation Classify(IParameterSymbol parameter, out string reason)
        {
            reason = string.Empty;
            if (parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == PassByReferenceAttribute))
            {
                return Isolation.Share;
            }

            var walk = new Walk();
            var result = Classify(parameter.Type, walk);
            reason = walk.Reason ?? "its state cannot be reached for a copy";
            return result;
        }

        private static Isolation Classify(ITypeSymbol type, Walk walk)
        {
            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == PassByReferenceAttribute))
            {
                return Isolation.Share;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_String:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return Isolation.Share;
                case SpecialType.System_Object:
                    return walk.Reject("'object' can hold anything, so neither sharing nor copying is known to be safe");
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return Isolation.Share;
            }

            // A delegate captures its target and closure, which are mutable state of the sender; it cannot be copied.
            if (type.TypeKind == TypeKind.Delegate || type.SpecialType == SpecialType.System_Delegate || type.SpecialType == SpecialType.System_MulticastDelegate)
            {
                return walk.Reject($"the delegate '{type.ToDisplayString()}' captures mutable state of the sender and cannot be copied");
            }

            if (type.TypeKind == TypeKind.TypeParameter)
            {
                return Isolation.Copy;
            }

            if (type is IArrayTypeSymbol array)
            {
                return Classify(array.ElementType, walk) == Isolation.Reject ? Isolation.Reject : Isolation.Copy;
            }

            if (type is not INamedTypeSymbol named || type.TypeKind == TypeKind.Dynamic || type.TypeKind == TypeKind.Pointer)
            {
                return walk.Reject($"'{type.ToDisplayString()}' is dynamic, a pointer or of unknown shape");
            }

            var original = named.OriginalDefinition.ToDisplayString();
            var genericName = named.IsGenericType ? original.Substring(0, original.IndexOf('<')) : original;
            if (s_immutableTypes.Contains(genericName) || InheritsFrom(named, "TaskTonic.Dataflow.Tonic")
                || genericName.StartsWith("TaskTonic.Dataflow.", System.StringComparison.Ordinal) && named.IsSealed)
            {
                return Isolation.Share;
            }

            // Synchronisation primitives, tasks, channels and blocks are made to be shared between threads.
            var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns == "System.Threading" || ns == "System.Threading.Tasks" || ns == "System.Threading.Channels" || ns == "System.Threading.Tasks.Dataflow")
            {
                return Isolation.Share;
            }

            if (genericName == "System.Threading.Tasks.Task" || genericName == "System.Threading.Tasks.ValueTask" || genericName == "System.Nullable")
            {
                return genericName == "System.Nullable" ? Classify(named.TypeArguments[0], walk) : Isolation.Share;
            }

            if (named.IsTupleType || genericName.StartsWith("System.Tuple", System.StringComparison.Ordinal))
            {
                return Combine(named.TypeArguments.Select(t => Classify(t, walk)), allShareMeansShare: true);
            }

            if (genericName.StartsWith("System.Collections.Immutable.", System.StringComparison.Ordinal))
            {
                return named.TypeArguments.All(t => Classify(t, walk) == Isolation.Share)
                    ? Isolation.Share
                    : walk.Reject($"the immutable collection '{named.ToDisplayString()}' holds mutable elements, which would be shared");
            }

            if (s_collections.Contains(genericName))
            {
                return Combine(named.TypeArguments.Select(t => Classify(t, walk)), allShareMeansShare: false);
            }

            // A type met again while it is being classified is assumed immutable (an immutable recursive type is
            // fine to share); if it turns out mutable, the cycle makes it uncopyable (see ClassifyUserType).
            if (!walk.Visiting.Add(named))
            {
                walk.CycleHits.Add(named);
                return Isolation.Share;
            }

            try
            {
                return ClassifyUserType(named, walk);
            }
            finally
            {
                walk.Visiting.Remove(named);
                walk.CycleHits.Remove(named);
            }
        }

        private static Isolation Combine(IEnumerable<Isolation> parts, bool allShareMeansShare)
        {
            var list = parts.ToList();
            if (list.Any(p => p == Isolation.Reject))
            {
                return Isolation.Reject;
            }

            return allShareMeansShare && list.All(p => p == Isolation.Share) ? Isolation.Share : Isolation.Copy;
        }

        private static bool InheritsFrom(INamedTypeSymbol type, string baseName)
        {
            for (ITypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                if (t.ToDisplayString() == baseName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
