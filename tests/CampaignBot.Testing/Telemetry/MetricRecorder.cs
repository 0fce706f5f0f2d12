using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CampaignBot.Testing.Telemetry;

/// <summary>
/// Listens to the bot's meter (as the OpenTelemetry exporter does) and keeps what is recorded from now on, with tags.
/// Instruments are process-wide, so tests in parallel may add to the same ones: assert on what a test itself caused
/// (a tag value it alone produces, or at least one measurement), not on exact totals.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MetricRecorder(string meter = "CampaignBot")
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>Values recorded on <paramref name="instrument"/> whose tags include every one of <paramref name="tags"/>.</summary>
    public IReadOnlyList<double> Values(string instrument, params (string Key, object Value)[] tags)
    {
        _listener.RecordObservableInstruments();
        return [.. _measurements
            .Where(m => m.Instrument == instrument && tags.All(tag => m.Tags.Any(t => t.Key == tag.Key && Equals(t.Value, tag.Value))))
            .Select(m => m.Value)];
    }

    public void Dispose() => _listener.Dispose();
}
