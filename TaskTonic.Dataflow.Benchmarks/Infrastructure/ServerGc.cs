using System.Diagnostics;

namespace TaskTonic.Dataflow.Benchmarks.Infrastructure;

/// <summary>Runs this benchmark process again under server GC (set through the environment, which only a new process reads).</summary>
internal static class ServerGc
{
    /// <summary>Starts this executable with <paramref name="args"/> under server GC (concurrent), passes its output through, and returns its exit code.</summary>
    public static async Task<int> RelaunchAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable."))
        {
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            // run as 'dotnet <dll>': the entry assembly is the first argument
            start.ArgumentList.Add(typeof(ServerGc).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The benchmark could not re-launch itself.");

        // stopped (SIGTERM, Ctrl+C): take the child along rather than leave it running alone
        void StopChild(object? sender, EventArgs e)
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }

        AppDomain.CurrentDomain.ProcessExit += StopChild;
        try
        {
            await child.WaitForExitAsync().ConfigureAwait(false);
            return child.ExitCode;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= StopChild;
        }
    }
}
