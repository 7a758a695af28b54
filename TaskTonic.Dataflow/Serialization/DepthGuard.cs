using System.Runtime.CompilerServices;

namespace TaskTonic.Dataflow.Serialization;

/// <summary>The nesting count of the copy running on this thread, and the objects on its path (to tell a cycle).</summary>
internal static class DepthGuard
{
    [ThreadStatic]
    private static object?[]? t_path;

    [ThreadStatic]
    private static int t_depth;

    public static void Enter(object? value)
    {
        var depth = t_depth;
        if (depth >= ArgumentCopier.MaxDepth)
        {
            throw new CopyDepthException(HasCycle() ? "it holds a reference cycle (cycle detected)"
                : $"its object graph is deeper than {ArgumentCopier.MaxDepth} levels, the most a copy nests");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new CopyDepthException(HasCycle() ? "it holds a reference cycle (cycle detected)"
                : $"its object graph is {depth} levels deep, more than the stack of this thread can copy");
        }

        var path = t_path ??= new object?[64];
        if (depth == path.Length)
        {
            Array.Resize(ref path, depth * 2);
            t_path = path;
        }

        path[depth] = value;
        t_depth = depth + 1;
    }

    public static void Exit()
    {
        var depth = --t_depth;
        t_path![depth] = null;
    }

    /// <summary>Clears what a failed copy left (its path stays filled when the exception unwound past a formatter).</summary>
    public static void Reset()
    {
        if (t_path is { } path)
        {
            Array.Clear(path);
        }

        t_depth = 0;
    }

    private static bool HasCycle()
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var item in t_path.AsSpan(0, t_depth))
        {
            if (item is not null && !seen.Add(item))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Thrown inside a copy that nests too deep; <see cref="ArgumentCopier"/> turns it into an ArgumentException.</summary>
internal sealed class CopyDepthException(string reason) : Exception(reason);
