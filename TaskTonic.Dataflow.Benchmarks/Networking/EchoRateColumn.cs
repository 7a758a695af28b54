using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TaskTonic.Dataflow.Benchmarks.Networking;

/// <summary>
/// The TCP echo columns: round-trips/s (10⁹ ÷ the mean ns per round-trip) and MB/s (payload bytes echoed per second,
/// one direction, 10⁶ bytes to the MB).
/// </summary>
internal sealed class EchoRateColumn(bool megabytes) : IColumn
{
    public string Id => megabytes ? "EchoMBps" : "EchoRoundTripsPerSecond";

    public string ColumnName => megabytes ? "MB/s" : "round-trips/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => megabytes ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => megabytes
        ? "Echoed payload per second, one direction (PayloadBytes × round-trips/s ÷ 10⁶)"
        : "Echo round-trips per second (10⁹ ÷ Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (summary[benchmarkCase]?.ResultStatistics?.Mean is not { } nanoseconds || nanoseconds <= 0)
        {
            return "-";
        }

        var perSecond = 1e9 / nanoseconds;
        var value = megabytes ? perSecond * Convert.ToDouble(benchmarkCase.Parameters[nameof(TcpEchoBenchmarks.PayloadBytes)], CultureInfo.InvariantCulture) / 1e6 : perSecond;
        return value.ToString(megabytes ? "N1" : "N0", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}

/// <summary>Adds the two <see cref="EchoRateColumn"/>s to the echo benchmarks.</summary>
internal sealed class EchoRateConfig : ManualConfig
{
    public EchoRateConfig()
    {
        AddColumn(new EchoRateColumn(megabytes: false), new EchoRateColumn(megabytes: true));
    }
}
