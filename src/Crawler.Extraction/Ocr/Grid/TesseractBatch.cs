using System.Globalization;
using System.Text;
using Crawler.Extraction.Processes;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Reads many cell images with one tesseract process: given a file listing image paths, tesseract treats
/// them as the pages of one document, so the TSV's page_num is the image's place in the list. Loading the
/// chi_sim model once per page instead of once per cell is what makes cell-by-cell reading affordable
/// (measured: 157 cells of a table page in ~1 s of CPU).
/// </summary>
internal sealed class TesseractBatch(ProcessRunner runner, OcrOptions options)
{
    private static readonly Dictionary<string, string> SingleThread = new() { ["OMP_THREAD_LIMIT"] = "1" };

    /// <summary>Each image's reading by its index (absent when nothing was read), or null when tesseract failed.</summary>
    public async Task<Dictionary<int, CellReading>?> ReadAsync(IReadOnlyList<GrayImage> images, string folder, string mode,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (images.Count == 0) return [];
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        for (var i = 0; i < images.Count; i++)
        {
            var path = Path.Combine(folder, $"{mode}-{i:0000}.pgm");
            await File.WriteAllBytesAsync(path, images[i].ToPgm(), cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }
        var list = Path.Combine(folder, $"{mode}.txt");
        await File.WriteAllLinesAsync(list, paths, cancellationToken).ConfigureAwait(false);
        var run = await runner.RunAsync(new ProcessRequest(options.TesseractPath,
            [list, "-", "--dpi", options.Dpi.ToString(CultureInfo.InvariantCulture), .. arguments, "tsv"])
        {
            Timeout = options.PageTimeout,
            MaxOutputBytes = 16 * 1024 * 1024,
            Environment = SingleThread,
        }, cancellationToken).ConfigureAwait(false);
        return run.Succeeded ? Parse(run.StandardOutput) : null;
    }

    /// <summary>Words of one image joined without spaces (CJK cells have none; a figure split in two is one figure).</summary>
    internal static Dictionary<int, CellReading> Parse(byte[] tsv)
    {
        var texts = new Dictionary<int, StringBuilder>();
        var confidence = new Dictionary<int, double>();
        foreach (var row in Encoding.UTF8.GetString(tsv).Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5" || !int.TryParse(f[1], out var page) || string.IsNullOrWhiteSpace(f[11])) continue;
            if (!double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf)) continue;
            var index = page - 1;
            if (!texts.TryGetValue(index, out var text)) texts[index] = text = new StringBuilder();
            text.Append(f[11].Trim());
            var c = Math.Clamp(conf / 100.0, 0, 1);
            confidence[index] = confidence.TryGetValue(index, out var lowest) ? Math.Min(lowest, c) : c;
        }
        return texts.ToDictionary(t => t.Key, t => new CellReading(t.Value.ToString(), confidence[t.Key]));
    }
}
