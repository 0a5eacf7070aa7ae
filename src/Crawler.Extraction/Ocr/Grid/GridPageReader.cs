using Crawler.Extraction.Layout;
using Crawler.Extraction.Processes;
using Crawler.Reports.Model;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Reads the ruled tables of a scanned page cell by cell: straighten the page, find the cells between the
/// rulings, lay them out as grids, then OCR each cell on its own — chi_sim one line at a time
/// (<c>--psm 7</c>) or as a block for cells of several lines (<c>--psm 6</c>), and figure-like cells again
/// digits-only. A cell with no ink is empty. The page's file is then replaced by the straightened page
/// with the tables whitened. Null when the page is not a readable PGM or has no ruled table (the file is
/// left as it was and the page-level path reads it).
/// </summary>
internal sealed class GridPageReader(ProcessRunner runner, OcrOptions options)
{
    /// <summary>A page has a few hundred cells; tens of thousands of "cells" are a pattern, not a table.</summary>
    private const int MaxCells = 4000;

    private readonly CellOcr cellOcr = new(runner, options);

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
        var crops = inks.Select(ink => ink is null ? null : clean.Crop(ink.Left, ink.Top, ink.Right, ink.Bottom, margin)).ToList();
        var folder = Path.Combine(Path.GetDirectoryName(pgmPath)!, $"cells-{pageNumber}");
        var read = await cellOcr.ReadAsync(crops, inks.Select(ink => ink is { } box && box.Height > multiLine).ToList(), folder, cancellationToken).ConfigureAwait(false);
        if (read is null) return null;
        var readings = read.ToDictionary(r => cells[r.Key], r => r.Value);

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
        // The prose pass reads the straightened page with its tables whitened, in the same pixels as the tables' bounds.
        await File.WriteAllBytesAsync(pgmPath, prose.ToPgm(), cancellationToken).ConfigureAwait(false);
        return new GridPage(placed, findings);
    }
}
