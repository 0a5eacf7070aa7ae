using System.Globalization;
using System.Text;

namespace Crawler.Worker.Status;

/// <summary>
/// Charts drawn on the server as inline SVG: vertical bars (one series), stacked bars (several) and a horizontal
/// proportion bar. Every bar carries its value as text and a &lt;title&gt; tooltip, so the numbers are readable without hovering.
/// </summary>
internal static class SvgChart
{
    public sealed record Series(string Name, string Color, IReadOnlyList<decimal> Values);

    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<decimal?> values, string color, int width = 420, int height = 220) =>
        Stacked(title, labels, [new Series(title, color, [.. values.Select(v => v ?? 0)])], width, height, missing: [.. values.Select(v => v is null)], legend: false);

    public static string Stacked(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series, int width = 520, int height = 260,
        IReadOnlyList<bool>? missing = null, bool legend = true)
    {
        const int left = 48, top = 28, bottom = 36;
        var legendHeight = legend ? 18 * ((series.Count + 2) / 3) : 0;
        var plotHeight = height - top - bottom - legendHeight;
        var plotWidth = width - left - 12;
        var totals = labels.Select((_, i) => series.Sum(s => Math.Max(0, s.Values[i]))).ToList();
        var max = Nice(totals.Count == 0 ? 0 : totals.Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.E(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"16\" font-size=\"13\" font-weight=\"600\" fill=\"#1f2328\">{Html.E(title)}</text>");
        for (var g = 0; g <= 4; g++)
        {
            var y = top + plotHeight - plotHeight * g / 4.0;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#e3e6ea\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\" fill=\"#656d76\">{Html.Number(max * g / 4)}</text>");
        }
        var slot = labels.Count == 0 ? plotWidth : plotWidth / (double)labels.Count;
        var barWidth = Math.Min(56, slot * 0.6);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = left + slot * i + (slot - barWidth) / 2;
            var y = (double)(top + plotHeight);
            foreach (var s in series)
            {
                var value = Math.Max(0, s.Values[i]);
                var h = max == 0 ? 0 : plotHeight * (double)(value / max);
                if (h <= 0) continue;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\" fill=\"{s.Color}\"><title>{Html.E($"{labels[i]} {s.Name}：{Html.Number(value)}")}</title></rect>");
            }
            var text = missing is not null && missing[i] ? "无" : Html.Number(totals[i]);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2:0.#}\" y=\"{y - 4:0.#}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1f2328\">{text}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth / 2:0.#}\" y=\"{top + plotHeight + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1f2328\">{Html.E(labels[i])}</text>");
        }
        if (legend)
        {
            for (var i = 0; i < series.Count; i++)
            {
                var lx = left + (i % 3) * (plotWidth / 3.0);
                var ly = height - legendHeight + 18 * (i / 3) + 4;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0.#}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{series[i].Color}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 16:0.#}\" y=\"{ly + 10}\" font-size=\"11\" fill=\"#1f2328\">{Html.E(series[i].Name)}</text>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A horizontal bar split by share (the year's statuses), each part labelled with its count.</summary>
    public static string Proportion(string title, IReadOnlyList<(string Name, string Color, int Count)> parts, int width = 640, int height = 56)
    {
        var total = parts.Sum(p => p.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.E(title)}\">");
        var x = 0.0;
        foreach (var (name, color, count) in parts.Where(p => p.Count > 0))
        {
            var w = width * count / (double)total;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"0\" width=\"{w:0.#}\" height=\"32\" fill=\"{color}\"><title>{Html.E($"{name}：{count}")}</title></rect>");
            if (w > 24) svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2:0.#}\" y=\"21\" font-size=\"13\" text-anchor=\"middle\" fill=\"#fff\">{count}</text>");
            x += w;
        }
        var legendX = 0;
        foreach (var (name, color, count) in parts)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"40\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{legendX + 16}\" y=\"50\" font-size=\"12\" fill=\"#1f2328\">{Html.E($"{name} {count}")}</text>");
            legendX += 150;
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>1, 2, 5 × 10ⁿ at or above the largest value, so the axis reads in round numbers.</summary>
    private static decimal Nice(decimal max)
    {
        if (max <= 0) return 1;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (step * magnitude >= max) return step * magnitude;
        }
        return 10 * magnitude;
    }
}
