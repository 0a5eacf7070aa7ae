using Crawler.Extraction.Layout;
using Crawler.Extraction.Processes;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// The tesseract passes over a page's cell crops, one process each: chi_sim one line at a time
/// (<c>--psm 7</c>) or as a block (<c>--psm 6</c>); doubtful one-line labels again as a raw line
/// (<c>--psm 13</c>, which read 总计 where psm 7 read 总讨); every cell without a Chinese letter, or
/// holding one doubtful letter (11 read as 了), again digits-only. Ink that reads as nothing is an unreadable cell (confidence 0), never an empty one.
/// </summary>
internal sealed class CellOcr(ProcessRunner runner, OcrOptions options)
{
    private readonly TesseractBatch batch = new(runner, options);

    /// <summary>Each inked cell's reading by its index, or null when tesseract failed.</summary>
    public async Task<Dictionary<int, CellReading>?> ReadAsync(IReadOnlyList<GrayImage?> crops, IReadOnlyList<bool> multiLine, string folder, CancellationToken cancellationToken)
    {
        try
        {
            var single = Enumerable.Range(0, crops.Count).Where(i => crops[i] is not null && !multiLine[i]).ToList();
            var multi = Enumerable.Range(0, crops.Count).Where(i => crops[i] is not null && multiLine[i]).ToList();
            var texts = await PassAsync(crops, single, folder, "line", ["--psm", "7", "-l", options.CellLanguages], cancellationToken).ConfigureAwait(false);
            var blocks = await PassAsync(crops, multi, folder, "block", ["--psm", "6", "-l", options.CellLanguages], cancellationToken).ConfigureAwait(false);
            if (texts is null || blocks is null) return null;
            foreach (var (i, read) in blocks) texts[i] = read;

            var doubtful = single.Where(i => texts.TryGetValue(i, out var read) && LayoutText.CountCjkLetters(read.Text) > 0 && read.Confidence < options.LowConfidenceThreshold).ToList();
            foreach (var (i, again) in await PassAsync(crops, doubtful, folder, "raw", ["--psm", "13", "-l", options.CellLanguages], cancellationToken).ConfigureAwait(false) ?? [])
            {
                if (LayoutText.CountCjkLetters(again.Text) > 0 && again.Confidence > texts[i].Confidence) texts[i] = again;
            }
            foreach (var i in texts.Keys.ToList()) texts[i] = texts[i] with { Text = LabelCleaner.Clean(texts[i].Text) };

            var figureLike = single.Where(i => !texts.TryGetValue(i, out var read) || LayoutText.CountCjkLetters(read.Text) == 0 || FigureChoice.MaybeMisreadFigure(read)).ToList();
            var digits = await PassAsync(crops, figureLike, folder, "digits",
                ["--psm", "7", "-l", "eng", "-c", "tessedit_char_whitelist=0123456789."], cancellationToken).ConfigureAwait(false) ?? [];

            var readings = new Dictionary<int, CellReading>();
            foreach (var i in single.Concat(multi))
            {
                readings[i] = FigureChoice.Choose(texts.GetValueOrDefault(i), digits.GetValueOrDefault(i)) ?? new CellReading("", 0);
            }
            return readings;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>One tesseract pass over the listed crops; readings keyed by the crops' own indexes.</summary>
    private async Task<Dictionary<int, CellReading>?> PassAsync(IReadOnlyList<GrayImage?> crops, List<int> which, string folder, string mode,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var read = await batch.ReadAsync(which.Select(i => crops[i]!).ToList(), folder, mode, arguments, cancellationToken).ConfigureAwait(false);
        return read?.ToDictionary(r => which[r.Key], r => r.Value);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The document's temporary folder is removed as a whole afterwards.
        }
    }
}
