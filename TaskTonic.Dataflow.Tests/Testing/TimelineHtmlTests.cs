using System.Text.RegularExpressions;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Testing;

/// <summary>Issue 14 item 5: the trace as one self-contained HTML timeline, checked in a real headless browser.</summary>
public sealed partial class TimelineHtmlTests
{
    private sealed partial class Flaky : Tonic
    {
        public Flaky()
            : base("flaky")
        {
        }

        private void ttsc__poke(int n)
        {
            if (n == 0)
            {
                throw new InvalidOperationException("poked zero");
            }
        }
    }

    private sealed class Letters : IObserver<DeadLetter>
    {
        public List<DeadLetter> Items { get; } = [];

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(DeadLetter value) => Items.Add(value);
    }

    /// <summary>The relay application (two worker catalysts, a timer, states), a failure, and one dropped work order.</summary>
    private static (Distiller Distiller, List<DeadLetter> Letters) Run()
    {
        var distiller = new Distiller();
        var letters = new Letters();
        distiller.Ledger.DeadLetters.Subscribe(letters);
        RelayHub? hub = null;
        Flaky? flaky = null;
        distiller.Formula.AddStartingTonic(() => hub = new RelayHub(4));
        distiller.Formula.AddStartingTonic(() => flaky = new Flaky());
        distiller.Start();
        for (var i = 0; i < 4; i++)
        {
            hub!.Submit(i, $"item {i}");
        }

        flaky!.Poke(0);
        flaky.Poke(1);
        distiller.RunUntilSparkle("ttse_draining__on_enter");
        flaky.Finish();
        distiller.RunUntilIdle();
        hub!.W1!.Work(9, "late", hub); // w1 has completed: dropped
        return (distiller, letters.Items);
    }

    private static string Write(Distiller distiller, List<DeadLetter> letters)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("tt-timeline-").FullName, "timeline.html");
        distiller.Trace.ToHtml(path, letters, title: "Relay timeline");
        return path;
    }

    [Fact]
    public void TL01_the_page_is_one_self_contained_file_with_the_trace_inside()
    {
        var (distiller, letters) = Run();
        var html = File.ReadAllText(Write(distiller, letters));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"<(script|link|img|iframe)[^>]+(src|href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*['""]?https?:", RegexOptions.IgnoreCase), html);
        Assert.Contains("\"sparkle\":\"ttsc__work\"", html, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"TonicCompleted\"", html, StringComparison.Ordinal);
        Assert.Contains("\"failure\":\"InvalidOperationException: poked zero\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Relay timeline</title>", html, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("path", () => distiller.Trace.ToHtml(""));
    }

    [BrowserFact]
    public void TL02_a_headless_browser_draws_a_lane_per_tonic_a_box_per_sparkle_arrows_failures_timers_and_drops()
    {
        var (distiller, letters) = Run();
        var path = Write(distiller, letters);

        var dom = HeadlessBrowser.Run(path, "--dump-dom");

        var tonics = distiller.Trace.Select(t => t.TonicName).Distinct().Count();
        Assert.Contains($"data-lanes=\"{tonics}\"", dom, StringComparison.Ordinal);
        Assert.Contains($"data-sparkles=\"{distiller.Trace.Count}\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-drops=\"1\"", dom, StringComparison.Ordinal);
        Assert.Equal(tonics, Regex.Count(dom, "class=\"lane-bg lane"));
        Assert.Equal(distiller.Trace.Count, Regex.Count(dom, "<g class=\"sparkle"));
        var posted = distiller.Trace.Count(t => t.SourceIndex is not null);
        Assert.Equal(posted, Regex.Count(dom, "<path [^>]*class=\"arrow\""));
        Assert.Single(Regex.Matches(dom, "<g class=\"sparkle[^\"]* failed"));
        Assert.Contains(" timer\"", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"catalyst-label\"", dom, StringComparison.Ordinal);
        Assert.Contains(">▾ c1<", dom, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void TL03_the_screenshot_shows_a_drawn_timeline()
    {
        var (distiller, letters) = Run();
        var path = Write(distiller, letters);
        var png = Path.Combine(Path.GetDirectoryName(path)!, "timeline.png");

        HeadlessBrowser.Run(path, $"--screenshot={png}", "--window-size=1400,900");

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.Equal(1400, ReadBigEndian(bytes, 16));
        Assert.Equal(900, ReadBigEndian(bytes, 20));
        Assert.True(bytes.Length > 20_000, $"a drawn timeline compresses to more than 20 KB; this one is {bytes.Length} bytes");
        if (Environment.GetEnvironmentVariable("TASKTONIC_TIMELINE_SCREENSHOT") is { Length: > 0 } keep)
        {
            File.Copy(png, keep, overwrite: true); // how docs/images/timeline.png is made
        }
    }

    private static int ReadBigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}
