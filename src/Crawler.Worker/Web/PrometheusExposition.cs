using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Crawler.Pipeline.Telemetry;

namespace Crawler.Worker.Web;

/// <summary>
/// Sums the crawler's counters with a MeterListener and writes them in the Prometheus text exposition format
/// (version 0.0.4). The Prometheus exporter package is not in this registry; counters are all we publish.
/// </summary>
public sealed class PrometheusExposition : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), long> _sums = new();

    public PrometheusExposition(CrawlerMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // The crawler's own meter and the stages' meters named under it (Crawler.Alerts …).
            if (ReferenceEquals(instrument.Meter, metrics.Meter) || instrument.Meter.Name.StartsWith(CrawlerMetrics.MeterName + ".", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _sums.AddOrUpdate((instrument, Labels(tags)), value, (_, sum) => sum + value));
        _listener.Start();
    }

    public void WriteCounters(StringBuilder text)
    {
        foreach (var group in _sums.GroupBy(s => s.Key.Instrument).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var name = Name(group.Key.Name) + "_total";
            text.Append("# HELP ").Append(name).Append(' ').Append(group.Key.Description).Append('\n');
            text.Append("# TYPE ").Append(name).Append(" counter\n");
            foreach (var series in group.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                text.Append(name).Append(series.Key.Labels).Append(' ').Append(series.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    public static void WriteGauge(StringBuilder text, string name, string help, string label, IEnumerable<KeyValuePair<string, int>> values)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" gauge\n");
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('{').Append(label).Append("=\"").Append(Escape(key)).Append("\"} ")
                .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    /// <summary>crawler.documents.fetched → crawler_documents_fetched.</summary>
    public static string Name(string instrument) => instrument.Replace('.', '_').Replace('-', '_');

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags) pairs.Add($"{Name(tag.Key)}=\"{Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "")}\"");
        pairs.Sort(StringComparer.Ordinal);
        return "{" + string.Join(',', pairs) + "}";
    }

    // The exposition format escapes backslash, double quote and newline in label values.
    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    public void Dispose() => _listener.Dispose();
}
