using System.Globalization;

namespace Crawler.LoadTest.Memory;

/// <summary>Reads the lines <c>StartupHook</c> wrote (key=value per second) and prints the peaks and a timeline.</summary>
public static class GcProbeSummary
{
    public static void Write(TextWriter output, IReadOnlyList<string> lines)
    {
        foreach (var comment in lines.Where(l => l.StartsWith('#'))) output.WriteLine(comment.TrimStart('#', ' '));
        var samples = lines.Select(Parse).Where(s => s.Count > 0).ToList();
        if (samples.Count == 0) return;
        static string Mb(double bytes) => (bytes / 1048576).ToString("0", CultureInfo.InvariantCulture);
        double Max(string key) => samples.Max(s => s.GetValueOrDefault(key));
        var last = samples[^1];
        output.WriteLine($"GC: peak heap {Mb(Max("heap"))} MB, peak committed {Mb(Max("committed"))} MB, peak fragmented {Mb(Max("fragmented"))} MB, peak LOH {Mb(Max("loh"))} MB; "
            + $"allocated {Mb(last["allocated"])} MB in all; collections gen0 {last["gen0"]}, gen1 {last["gen1"]}, gen2 {last["gen2"]}");
        var step = Math.Max(1, samples.Count / 12);
        output.WriteLine("GC committed over time: " + string.Join(" ", samples.Where((_, i) => i % step == 0)
            .Select(s => $"{s["t"].ToString("0", CultureInfo.InvariantCulture)}s:{Mb(s["committed"])}/{Mb(s["heap"])}")));
    }

    private static Dictionary<string, double> Parse(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var t)) return [];
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["t"] = t };
        foreach (var pair in parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2))
            if (double.TryParse(pair[1], CultureInfo.InvariantCulture, out var v)) values[pair[0]] = v;
        return values;
    }
}
