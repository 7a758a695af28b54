using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace TaskTonic.Dataflow.Benchmarks.Reporting;

/// <summary>The machine and runtime facts every report starts with.</summary>
internal static class MachineInfo
{
    /// <summary>Markdown bullet lines: cores, CPU model, OS, .NET version, GC mode and package versions.</summary>
    public static IEnumerable<string> Describe()
    {
        yield return $"- Machine: {Environment.ProcessorCount} logical cores, {CpuModel()}";
        yield return $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"- Runtime: {RuntimeInformation.FrameworkDescription}, {GcMode()}";
        yield return $"- Packages: BenchmarkDotNet {VersionOf("BenchmarkDotNet")}, Akka.NET {VersionOf("Akka")}, Proto.Actor {VersionOf("Proto.Actor")}";
    }

    /// <summary>The 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>, or "unknown".</summary>
    public static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        if (!File.Exists(loadAverage))
        {
            return "unknown";
        }

        var fields = File.ReadAllText(loadAverage).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]}" : "unknown";
    }

    /// <summary>The CPU model from <c>/proc/cpuinfo</c>, or the architecture where that file does not exist.</summary>
    public static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return $"unknown CPU model ({RuntimeInformation.ProcessArchitecture})";
        }

        string? model = null;
        string? megahertz = null;
        foreach (var line in File.ReadLines(cpuInfo))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            if (model is null && line.StartsWith("model name", StringComparison.Ordinal))
            {
                model = value;
            }
            else if (megahertz is null && line.StartsWith("cpu MHz", StringComparison.Ordinal))
            {
                megahertz = value;
            }
        }

        return (model ?? "unknown CPU model") + (megahertz is null ? string.Empty : $" ({megahertz} MHz per /proc/cpuinfo)");
    }

    /// <summary>Informational version of a loaded assembly, without the source-revision suffix.</summary>
    public static string VersionOf(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assemblyName)
            ?? Assembly.Load(assemblyName);
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static string GcMode()
    {
        var kind = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        var concurrent = AppContext.GetData("System.GC.Concurrent") is bool c ? c : true;
        return $"{kind} ({(concurrent ? "concurrent" : "non-concurrent")}), tiered PGO {(Environment.GetEnvironmentVariable("DOTNET_TieredPGO") == "0" ? "off" : "on")}";
    }
}
