using System.Runtime.CompilerServices;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Reports.Parsing;

/// <summary>
/// The printed labels of the three template tables, with their ordinals and accepted synonyms, built from the
/// template declarations (<see cref="ReportTemplates"/>); rebuilt when a template is registered.
/// </summary>
internal static class LabelCatalogs
{
    /// <summary>Built for one registry snapshot; replaced whole (one reference write), so readers on other threads see a consistent pair.</summary>
    private sealed record ApplicationCatalog(object Snapshot, LabelCatalog Catalog, IReadOnlyList<RowDefinition> Rows);

    private static ApplicationCatalog? _applications;
    private static readonly ConditionalWeakTable<TableDefinition, LabelCatalog> Rows = new();

    /// <summary>
    /// Every row of table 3 that any template prints, in printed order: the first template's rows with its
    /// substitutions (the 2021 rows and the 2019 single row （六）其他处理), then rows only later templates print.
    /// </summary>
    public static LabelCatalog ApplicationRows => Applications().Catalog;

    /// <summary>The definitions behind <see cref="ApplicationRows"/>, in the same order.</summary>
    public static IReadOnlyList<RowDefinition> ApplicationRowDefinitions => Applications().Rows;

    public static LabelCatalog ApplicantColumns { get; } = Columns(ReportSchema.ApplicantColumns);

    /// <summary>The row labels of one template's table 2 (or any table definition).</summary>
    public static LabelCatalog RowsOf(TableDefinition table) =>
        Rows.GetValue(table, t => new LabelCatalog(t.Rows.Select(r => new LabelEntry(r.Key, r.Label, r.Ordinal, [.. r.Synonyms]))));

    public static LabelCatalog ReviewCells { get; } = Columns(ReportSchema.ReviewCells);

    public static LabelCatalog ReviewGroups { get; } = new(ReportSchema.ReviewAndLitigation.Rows.Select(r => new LabelEntry(r.Key, r.Label)));

    /// <summary>Display names of the applicant columns for messages: 自然人 … 总计.</summary>
    public static string ColumnName(string key) => ReportSchema.ApplicantColumns.First(c => c.Key == key).Label;

    private static LabelCatalog Columns(IEnumerable<CellDefinition> cells) =>
        new(cells.Select(c => new LabelEntry(c.Key, c.Label, null, [.. c.Synonyms])));

    private static ApplicationCatalog Applications()
    {
        var snapshot = ReportTemplates.Snapshot;
        if (Volatile.Read(ref _applications) is { } cached && ReferenceEquals(cached.Snapshot, snapshot)) return cached;
        var rows = new List<RowDefinition>();
        foreach (var layout in snapshot.SelectMany(d => d.Layouts).Where(t => t.Key == ReportSchema.ApplicationsKey))
        {
            // A row not seen yet goes right after the row it follows in its own layout.
            for (var i = 0; i < layout.Rows.Count; i++)
            {
                var row = layout.Rows[i];
                if (rows.Any(r => r.Key == row.Key)) continue;
                var after = i == 0 ? -1 : rows.FindIndex(r => r.Key == layout.Rows[i - 1].Key);
                rows.Insert(after + 1, row);
            }
        }
        var built = new ApplicationCatalog(snapshot, new LabelCatalog(rows.Select(r => new LabelEntry(r.Key, r.Label, r.Ordinal, [.. r.Synonyms]))), rows);
        Volatile.Write(ref _applications, built);
        return built;
    }
}
