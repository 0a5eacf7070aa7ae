using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// Reads table 3 (收到和处理政府信息公开申请情况): rows by their labels, columns by the header's labels.
/// A row whose numbers match the printed columns is read in order; one number too many is a phantom PDF
/// column and is dropped (COLUMN_REPAIRED); fewer numbers are placed by the header's positions, corrected
/// for the label columns a later page adds.
/// </summary>
internal static class ApplicationsTableReader
{
    public static TableReading Read(IReadOnlyList<GridLine> lines, List<Finding> findings)
    {
        var reading = new TableReading();
        var dataStart = FirstDataLine(lines);
        if (dataStart < 0) return reading;
        var layout = ApplicantColumnLayout.Read(lines.Take(dataStart).ToArray(), lines.Skip(dataStart).ToArray(), findings);
        var placement = new ApplicantValuePlacement(layout, lines.Skip(dataStart).ToArray());
        var preferFrom = 0;
        string? fragment = null;
        for (var i = dataStart; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.HasLabel) continue;
            var match = LabelCatalogs.ApplicationRows.Match(line.Label, preferFrom);
            if (match is null && fragment is not null)
            {
                match = LabelCatalogs.ApplicationRows.Match(fragment + line.Label, preferFrom);
            }
            if (match is null && i + 1 < lines.Count && lines[i + 1] is { HasLabel: true, ValueCount: 0 } next)
            {
                // The label's tail wrapped onto the next line ("5. 要求行政机关确认或重新" / "出具已获取信息").
                match = LabelCatalogs.ApplicationRows.Match(line.Label + next.Label, preferFrom);
                if (match is not null) i++;
            }
            if (match is null)
            {
                // A label Word or the PDF wrapped onto a line of its own: keep it for the next line.
                fragment = line.ValueCount == 0 ? line.Label : null;
                continue;
            }
            fragment = null;
            if (reading.Has(match.Key)) continue;
            preferFrom = IndexOf(match.Key) + 1;
            if (!match.Exact)
            {
                findings.Add(FindingSeverities.Create(FindingCodes.LabelVariant, $"applications.{match.Key}",
                    $"表三行标签印作“{match.Printed}”，模板为“{match.Expected}”，已按该行读取"));
            }
            reading.Read(match.Key, placement.Place(line, match.Key, findings), line);
        }
        return reading;
    }

    /// <summary>The first line whose label is one of the long row labels (not 其他/总计, which are also column headers).</summary>
    private static int FirstDataLine(IReadOnlyList<GridLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var cell in lines[i].Cells)
            {
                if (cell.Kind != CellKind.Label || cell.Text.Length < 4) continue;
                var match = LabelCatalogs.ApplicationRows.Match(cell.Text);
                if (match is not null && LabelText.Normalize(match.Expected).Length >= 6) return i;
            }
        }
        return -1;
    }

    private static string GroupOrdinal(string group) => group switch
    {
        "不予公开" => "三", "无法提供" => "四", "不予处理" => "五", _ => "六",
    };

    private static int IndexOf(string key)
    {
        var entries = LabelCatalogs.ApplicationRows.Entries;
        for (var i = 0; i < entries.Count; i++) if (entries[i].Key == key) return i;
        return -1;
    }

    /// <summary>A row's name for messages, with its group and ordinal: "（六）其他处理 3.其他", "（七）总计".</summary>
    public static string RowName(string key)
    {
        var entry = LabelCatalogs.ApplicationRows.Entries.First(e => e.Key == key);
        var group = LabelCatalogs.ApplicationRowDefinitions.First(r => r.Key == key).Group;
        var ordinal = entry.Ordinal is null ? "" : char.IsAsciiDigit(entry.Ordinal[0]) ? entry.Ordinal + "." : entry.Ordinal.StartsWith('（') ? entry.Ordinal : entry.Ordinal + "、";
        var own = ordinal + entry.Label;
        return group is null || group == ReportSchema.ResultGroup ? own : $"（{GroupOrdinal(group)}）{group} {own}";
    }
}
