using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>Everything the emitter needs for one tonic class; equatable (strings only, no symbols or locations) so the pipeline caches it.</summary>
    internal sealed record TonicModel(
        string HintName,
        string? Namespace,
        EquatableArray<ContainerModel> Containers,
        string ClassName,
        string TypeOfName,
        bool IsSealed,
        bool BaseHasStates,
        EquatableArray<string> States,
        EquatableArray<SparkleModel> Sparkles,
        EquatableArray<string> OwnHandlerEntries,
        string? RefAccess);

    /// <summary>
    /// What one transform found: the model to emit (null when errors prevent it) and the diagnostics, which the generator
    /// reports through a separate step so that moving code (new spans) never invalidates the emitted source.
    /// </summary>
    internal sealed record BuildResult(TonicModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>A type that contains the tonic class (emitted as a partial wrapper).</summary>
    internal sealed record ContainerModel(string Keyword, string Name);

    /// <summary>One sparkle of the hierarchy, with this class's share of the dispatch.</summary>
    internal sealed record SparkleModel(
        int Id,
        string GenericName,
        string EntryPoint,
        HandlerKind Kind,
        EquatableArray<ParameterModel> Parameters,
        bool EmitEntryPoint,
        string? OwnGeneric,
        EquatableArray<StateCase> Cases,
        BindingModel? Binding = null);

    /// <summary>In state <paramref name="State"/>: call <paramref name="Method"/>, or defer to the base class when null.</summary>
    internal sealed record StateCase(int State, string? Method);

    internal sealed record ParameterModel(string Type, string TypeOf, string Name, string? DefaultValue, Isolation Isolation);

    /// <summary>A diagnostic with its location as plain data.</summary>
    internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
    {
        public Diagnostic ToDiagnostic()
        {
            var descriptor = Diagnostics.ById(Id);
            var location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
            return Diagnostic.Create(descriptor, location, Arguments.ToObjectArray());
        }

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        {
            var line = location?.GetLineSpan();
            return new DiagnosticInfo(descriptor.Id, line?.Path ?? string.Empty, location?.SourceSpan ?? default,
                line?.Span ?? default, new EquatableArray<string>(arguments));
        }
    }

    internal static class EquatableArrayExtensions
    {
        public static object[] ToObjectArray(this EquatableArray<string> items)
        {
            var result = new object[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                result[i] = items[i];
            }

            return result;
        }
    }
}
