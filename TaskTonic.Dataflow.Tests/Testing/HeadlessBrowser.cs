using System.Diagnostics;

namespace TaskTonic.Dataflow.Tests.Testing;

/// <summary>A headless Chromium, if one is installed (Debian's <c>chromium</c> package; .ci/run installs it when it can).</summary>
internal static class HeadlessBrowser
{
    private static readonly string[] s_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Path { get; } = Environment.GetEnvironmentVariable("TASKTONIC_BROWSER") is { Length: > 0 } chosen && File.Exists(chosen)
        ? chosen
        : s_candidates.FirstOrDefault(File.Exists);

    public const string MissingMessage =
        "No headless browser: looked for /usr/bin/chromium, chromium-browser and google-chrome (or TASKTONIC_BROWSER). " +
        "Install one with 'apt-get install -y chromium' to run the timeline viewer's browser tests.";

    /// <summary>Runs the browser headless on <paramref name="page"/> with extra <paramref name="arguments"/>; returns its standard output.</summary>
    public static string Run(string page, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("tt-chromium-");
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(MissingMessage))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                     $"--user-data-dir={profile.FullName}",
                 }.Concat(arguments).Append(new Uri(page).AbsoluteUri))
        {
            start.ArgumentList.Add(argument);
        }

        using var browser = Process.Start(start)!;
        var output = browser.StandardOutput.ReadToEndAsync();
        var errors = browser.StandardError.ReadToEndAsync();
        if (!browser.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            browser.Kill(entireProcessTree: true);
            throw new TimeoutException($"The headless browser did not finish in 90 s: {errors.Result}");
        }

        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a helper process may still hold the profile; the temp folder is cleaned by the system
        }

        return output.Result;
    }
}

/// <summary>A fact that is skipped, with the reason, where no headless browser is installed.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessBrowser.Path is null)
        {
            Skip = HeadlessBrowser.MissingMessage;
        }
    }
}
