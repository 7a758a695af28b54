using System.Linq;

namespace TaskTonic.Dataflow.Generators
{
    /// <summary>
    /// Writes the subscriptions of a class's own <c>ttev__</c> bindings: overrides of <c>BindGeneratedEvents</c> and
    /// <c>UnbindGeneratedEvents</c>, the stored handlers and targets, and a small <c>IObserver&lt;T&gt;</c>. A raised event
    /// only posts the sparkle (from any thread); the handler runs on the tonic's catalyst.
    /// </summary>
    internal static class BindingEmitter
    {
        public static void Emit(SourceEmitter.Writer w, TonicModel model, string ids, string generatedCode)
        {
            var bindings = model.Sparkles.Where(s => s.Binding is not null).ToList();
            if (bindings.Count == 0)
            {
                return;
            }

            var events = bindings.Where(s => !s.Binding!.Observable).ToList();
            var observables = bindings.Where(s => s.Binding!.Observable).GroupBy(s => s.Binding!.Member).ToList();
            foreach (var sparkle in events)
            {
                w.Line(generatedCode);
                w.Line($"private {sparkle.Binding!.SourceType} __tt_source_{sparkle.Id};");
                w.Line(generatedCode);
                w.Line($"private {sparkle.Binding.DelegateType}? __tt_handler_{sparkle.Id};");
            }

            foreach (var group in observables)
            {
                w.Line(generatedCode);
                w.Line($"private global::System.IDisposable? __tt_subscription_{group.First().Id};");
            }

            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Line(generatedCode);
            w.Line("protected override void BindGeneratedEvents()");
            w.Open();
            w.Line("base.BindGeneratedEvents();");
            foreach (var sparkle in events)
            {
                var b = sparkle.Binding!;
                var parameters = string.Join(", ", Enumerable.Range(0, b.DelegateArity).Select(i => "__tt_a" + i));
                w.Open();
                w.Line($"var __tt_source = {b.Member} ?? throw new global::System.InvalidOperationException({Missing(sparkle)});");
                w.Line($"this.__tt_handler_{sparkle.Id} ??= ({parameters}) => base.PostSparkle({ids}.{sparkle.GenericName}, {Pack(sparkle, "__tt_a", b.FirstArgument)});");
                w.Line($"__tt_source.{b.EventName} += this.__tt_handler_{sparkle.Id};");
                w.Line($"this.__tt_source_{sparkle.Id} = __tt_source;");
                w.Close();
            }

            foreach (var group in observables)
            {
                var first = group.First();
                var element = first.Binding!.DelegateType;
                string? Post(string notification, string parameter)
                {
                    var s = group.FirstOrDefault(x => x.Binding!.EventName == notification);
                    return s is null ? null : $"{parameter} => base.PostSparkle({ids}.{s.GenericName}, {Pack(s, parameter, 0)})";
                }

                var next = Post("next", "__tt_value") ?? "null";
                var prefix = first.GenericName.Substring(0, first.GenericName.LastIndexOf("__", System.StringComparison.Ordinal));
                var error = Post("error", "__tt_error") ?? $"__tt_error => base.PostBindingError({SourceEmitter.Literal(prefix + "__error")}, __tt_error)";
                var completed = Post("completed", "()") ?? "null";
                w.Open();
                w.Line($"var __tt_source = {first.Binding.Member} ?? throw new global::System.InvalidOperationException({Missing(first)});");
                w.Line($"this.__tt_subscription_{first.Id} = ((global::System.IObservable<{element}>)__tt_source).Subscribe(");
                w.Line($"    new TTObserver<{element}>({next}, {error}, {completed}));");
                w.Close();
            }

            w.Close();
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Line(generatedCode);
            w.Line("protected override void UnbindGeneratedEvents()");
            w.Open();
            foreach (var sparkle in events)
            {
                w.Line($"if (this.__tt_source_{sparkle.Id} is {{ }} __tt_source_{sparkle.Id})");
                w.Open();
                w.Line($"this.__tt_source_{sparkle.Id} = null;");
                w.Line($"__tt_source_{sparkle.Id}.{sparkle.Binding!.EventName} -= this.__tt_handler_{sparkle.Id};");
                w.Close();
            }

            foreach (var group in observables)
            {
                var id = group.First().Id;
                w.Line($"var __tt_subscription_{id} = this.__tt_subscription_{id};");
                w.Line($"this.__tt_subscription_{id} = null;");
                w.Line($"__tt_subscription_{id}?.Dispose();");
            }

            w.Line("base.UnbindGeneratedEvents();");
            w.Close();
            w.Line();
            if (observables.Count > 0)
            {
                EmitObserver(w, generatedCode);
            }
        }

        private static void EmitObserver(SourceEmitter.Writer w, string generatedCode)
        {
            w.Line(generatedCode);
            w.Line("private sealed class TTObserver<TTValue> : global::System.IObserver<TTValue>");
            w.Open();
            w.Line("private readonly global::System.Action<TTValue>? _next;");
            w.Line("private readonly global::System.Action<global::System.Exception> _error;");
            w.Line("private readonly global::System.Action? _completed;");
            w.Line();
            w.Line("public TTObserver(global::System.Action<TTValue>? next, global::System.Action<global::System.Exception> error, global::System.Action? completed)");
            w.Open();
            w.Line("_next = next;");
            w.Line("_error = error;");
            w.Line("_completed = completed;");
            w.Close();
            w.Line();
            w.Line("public void OnNext(TTValue value) => _next?.Invoke(value);");
            w.Line();
            w.Line("public void OnError(global::System.Exception error) => _error(error);");
            w.Line();
            w.Line("public void OnCompleted() => _completed?.Invoke();");
            w.Close();
            w.Line();
        }

        /// <summary>The posted arguments: none, the one the handler takes, or a tuple typed as the handler's parameters.</summary>
        private static string Pack(SparkleModel sparkle, string argument, int first)
        {
            var count = sparkle.Parameters.Count;
            if (count == 0)
            {
                return "null";
            }

            string Arg(int i) => count == 1 && argument != "__tt_a" ? argument : argument + (i + first);
            if (count == 1)
            {
                return Arg(0);
            }

            return "(" + string.Join(", ", sparkle.Parameters.Select((p, i) => $"({p.Type}){Arg(i)}!")) + ")";
        }

        private static string Missing(SparkleModel sparkle) =>
            SourceEmitter.Literal($"{sparkle.GenericName}: '{sparkle.Binding!.Member}' is null when the tonic binds its events " +
                "(right after ttse__on_start); assign it in the constructor or in ttse__on_start.");
    }
}
