using System.Globalization;
using System.Net;
using TaskTonic.Dataflow.Networking;

namespace TaskTonic.Dataflow.Samples.Networking;

/// <summary>Collects "sensor=value" datagrams and prints each sensor's average once every reading arrived.</summary>
public sealed partial class TelemetryCollector : Tonic, IUdpEvents
{
    private readonly TextWriter _output;
    private readonly int _sensors;
    private readonly int _readings;
    private readonly Dictionary<string, List<double>> _bySensor = [];
    private int _count;

    public TelemetryCollector(TextWriter output, int sensors, int readings)
    {
        _output = output;
        _sensors = sensors;
        _readings = readings;
    }

    private void ttse__on_start()
    {
        var udp = new UdpTonic(new IPEndPoint(IPAddress.Loopback, 0), this);
        _output.WriteLine($"[collector] listening on udp {udp.LocalEndPoint}");
        for (var i = 1; i <= _sensors; i++)
        {
            _ = new TelemetrySensor($"sensor{i}", udp.LocalEndPoint, _readings, baseline: 18 + (2 * i));
        }
    }

    private void ttse__on_datagram(UdpTonic udp, UdpDatagram datagram)
    {
        var parts = datagram.Text.Split('=');
        var values = _bySensor.TryGetValue(parts[0], out var list) ? list : _bySensor[parts[0]] = [];
        values.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
        if (++_count < _sensors * _readings)
        {
            return;
        }

        foreach (var (sensor, readings) in _bySensor.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"[collector] {sensor}: {readings.Count} readings, average {readings.Average():F2} °C");
        }

        Finish();
    }
}

/// <summary>Sends its readings to the collector, one per sparkle, then finishes.</summary>
public sealed partial class TelemetrySensor : Tonic, IUdpEvents
{
    private readonly string _id;
    private readonly IPEndPoint _collector;
    private readonly int _readings;
    private readonly double _baseline;
    private UdpTonic? _udp;

    public TelemetrySensor(string id, IPEndPoint collector, int readings, double baseline)
    {
        _id = id;
        _collector = collector;
        _readings = readings;
        _baseline = baseline;
    }

    private void ttse__on_start()
    {
        _udp = new UdpTonic(new IPEndPoint(IPAddress.Loopback, 0), this);
        Reading(0);
    }

    private void tts__reading(int n)
    {
        var value = _baseline + (n % 3 * 0.5);
        _udp!.Send(string.Create(CultureInfo.InvariantCulture, $"{_id}={value:F1}"), _collector);
        if (n + 1 < _readings)
        {
            Reading(n + 1);
        }
    }

    private void ttse__on_datagram(UdpTonic udp, UdpDatagram datagram)
    {
        // Sensors only send.
    }
}

/// <summary>Three sensors send five readings each over UDP; the run ends when the collector has them all.</summary>
internal static class UdpTelemetrySample
{
    public static async Task RunAsync(TextWriter output)
    {
        var formula = new Formula().AddStartingTonic(() => new TelemetryCollector(output, sensors: 3, readings: 5));
        await formula.RunAsync();
        output.WriteLine($"Formula status: {formula.Status}.");
    }
}
