using Crawler.Extraction.Layout;
using Crawler.Extraction.Processes;
using Crawler.Reports.Validation;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Reads the ruled tables of a scanned page cell by cell: straighten the page, find the cells between the
/// rulings, lay them out as grids, then OCR each cell on its own — chi_sim one line at a time
/// (<c>--psm 7</c>) or as a block for cells of several lines (<c>--psm 6</c>), and figure-like cells again
/// digits-only. A cell with no ink is empty. Null when the page is not a readable PGM or has no ruled
/// table (the page-level path reads it then).
/// </summary>
internal sealed class GridPageReader(ProcessRunner runner, OcrOptions options)
{
    /// <summary>A page has a few hundred cells; tens of thousands of "cells" are a pattern, not a table.</summary>
    private const int MaxCells = 4000;

    private readonly TesseractBatch batch = new(runner, options);

    public async Task<GridPage?> ReadAsync(string pgmPath, int pageNumber, CancellationToken cancellationToken)
    {
        var image = GrayImage.TryRead(await File.ReadAllBytesAsync(pgmPath, cancellationToken).ConfigureAwait(false));
        if (image is null) return null;
        var straight = Deskew.Straighten(image, Deskew.EstimateAngle(image));
        var dpi = Math.Max(50, options.Dpi);
        var mask = RulingMask.Build(straight, dpi / 4, dpi / 5);
        var boxes = CellFinder.Find(mask, straight.Width, straight.Height, dpi / 12);
        if (boxes.Count == 0 || boxes.Count > MaxCells) return null;
        var tables = RuledTableFinder.Find(boxes, dpi / 16);
        if (tables.Count == 0) return null;

        var cells = tables.SelectMany(t => t.Cells).ToList();
        // Cells are read from the page with its rulings whitened: a cell boxed by the grid rather than by its
        // own rulings (see RuledTableFinder) may overlap them.
        var clean = new GrayImage(straight.Width, straight.Height, (byte[])straight.Pixels.Clone());
        for (var i = 0; i < mask.Length; i++) if (mask[i]) clean.Pixels[i] = 255;
        var inks = cells.Select(c => CellInk.Find(clean, c.Box, Math.Max(1, dpi / 50), Math.Max(4, dpi * dpi / 3300), dpi)).ToList();
        // Two text lines of 10.5 pt are ~60 px high at 200 dpi, one ~30 (figures ~21).
        var multiLine = dpi * 45 / 200;
        var margin = dpi / 16;
        var single = Enumerable.Range(0, cells.Count).Where(i => inks[i] is { } ink && ink.Height <= multiLine).ToList();
        var multi = Enumerable.Range(0, cells.Count).Where(i => inks[i] is { } ink && ink.Height > multiLine).ToList();
        var crops = inks.Select(ink => ink is null ? null : clean.Crop(ink.Left, ink.Top, ink.Right, ink.Bottom, margin)).ToList();
        var folder = Path.Combine(Path.GetDirectoryName(pgmPath)!, $"cells-{pageNumber}");

        var lines = await batch.ReadAsync(single.Select(i => crops[i]!).ToList(), folder, "line", ["--psm", "7", "-l", options.CellLanguages], cancellationToken).ConfigureAwait(false);
        var blocks = await batch.ReadAsync(multi.Select(i => crops[i]!).ToList(), folder, "block", ["--psm", "6", "-l", options.CellLanguages], cancellationToken).ConfigureAwait(false);
        if (lines is null || blocks is null) return null;
        var texts = new Dictionary<int, CellReading>();
        for (var k = 0; k < single.Count; k++) if (lines.TryGetValue(k, out var read)) texts[single[k]] = read;
        for (var k = 0; k < multi.Count; k++) if (blocks.TryGetValue(k, out var read)) texts[multi[k]] = read;

        // A doubtful one-line label is read again as a raw line (--psm 13), which read 总计 where --psm 7 read 总讨.
        var doubtful = single.Where(i => texts.TryGetValue(i, out var read) && LayoutText.CountCjkLetters(read.Text) > 0 && read.Confidence < options.LowConfidenceThreshold).ToList();
        var raw = await batch.ReadAsync(doubtful.Select(i => crops[i]!).ToList(), folder, "raw", ["--psm", "13", "-l", options.CellLanguages], cancellationToken).ConfigureAwait(false) ?? [];
        for (var k = 0; k < doubtful.Count; k++)
        {
            if (raw.TryGetValue(k, out var again) && LayoutText.CountCjkLetters(again.Text) > 0 && again.Confidence > texts[doubtful[k]].Confidence) texts[doubtful[k]] = again;
        }
        foreach (var i in texts.Keys.ToList()) texts[i] = texts[i] with { Text = LabelCleaner.Clean(texts[i].Text) };

        var figureLike = single.Where(i => !texts.TryGetValue(i, out var read) || LayoutText.CountCjkLetters(read.Text) == 0).ToList();
        var digits = await batch.ReadAsync(figureLike.Select(i => crops[i]!).ToList(), folder, "digits",
            ["--psm", "7", "-l", "eng", "-c", "tessedit_char_whitelist=0123456789."], cancellationToken).ConfigureAwait(false) ?? [];
        var digitReadings = new Dictionary<int, CellReading>();
        for (var k = 0; k < figureLike.Count; k++) if (digits.TryGetValue(k, out var read)) digitReadings[figureLike[k]] = read;

        var readings = new Dictionary<GridCell, CellReading>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (inks[i] is null) continue;
            var chosen = FigureChoice.Choose(texts.GetValueOrDefault(i), digitReadings.GetValueOrDefault(i));
            // Ink that reads as nothing at all is kept as an unreadable cell, never silently as an empty one.
            readings[cells[i]] = chosen ?? new CellReading("", 0);
        }
        TryDelete(folder);

        var prose = new GrayImage(straight.Width, straight.Height, (byte[])straight.Pixels.Clone());
        var placed = new List<PlacedTable>();
        var findings = new List<Finding>();
        foreach (var table in tables)
        {
            var b = table.Bounds;
            prose.Whiten(b.Left - margin, b.Top - margin, b.Right + margin, b.Bottom + margin);
            placed.Add(new PlacedTable(table, readings, pageNumber, straight.Height));
            findings.AddRange(CellSuspects.Find(pageNumber, table, readings, options.LowConfidenceThreshold));
        }
        return new GridPage(placed, prose, findings);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The temporary document folder is removed as a whole afterwards.
        }
    }
}
