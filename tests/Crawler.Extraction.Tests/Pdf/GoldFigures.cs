using System.Globalization;
using System.Text.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Tests.Shared;

namespace Crawler.Extraction.Tests.Pdf;

/// <summary>A seed's gold figures as the printed table shows them: label → cell texts (null = blank).</summary>
internal static class GoldFigures
{
    public static IEnumerable<(string Label, string?[] Values)> Applications(string stem)
    {
        var gold = Load(stem).GetProperty("applications");
        foreach (var row in Template2021.Declaration.Applications.Rows)
            yield return (row.Label, ReportSchema.ApplicantColumns.Select(c => Text(gold.GetProperty(row.Key).GetProperty(c.Key))).ToArray());
    }

    /// <summary>Indexes of the applicant columns the rendering prints: not one the fixture's manifest says the seed leaves out.</summary>
    public static int[] PrintedApplicantColumns(string stem)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "formats", stem, "manifest.json")));
        var omitted = manifest.RootElement.GetProperty("expectedFindings").EnumerateArray()
            .Where(f => f.GetProperty("code").GetString() == "COLUMN_REPAIRED")
            .Select(f => f.GetProperty("where").GetString())
            .ToHashSet();
        return Enumerable.Range(0, ReportSchema.ApplicantColumns.Count)
            .Where(i => !omitted.Contains($"applications.columns.{ReportSchema.ApplicantColumns[i].Key}"))
            .ToArray();
    }

    public static string?[] Review(string stem) =>
        new[] { "review", "litigationDirect", "litigationAfterReview" }.SelectMany(g =>
            ReportSchema.ReviewCells.Select(c => Text(Load(stem).GetProperty("reviewAndLitigation").GetProperty(g).GetProperty(c.Key)))).ToArray();

    public static IEnumerable<(string Label, string?[] Values)> ActiveDisclosure(string stem)
    {
        var gold = Load(stem).GetProperty("activeDisclosure");
        foreach (var row in Template2021.Declaration.ActiveDisclosure.Rows)
            yield return (row.Label, row.Cells.Select(c => Text(gold.GetProperty(row.Key).GetProperty(c.Key))).ToArray());
    }

    public static string Agency(string stem) => Load(stem).GetProperty("agency").GetString()!;

    private static JsonElement Load(string stem) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, stem + ".json"))).RootElement;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetDecimal() == decimal.Truncate(value.GetDecimal())
            ? decimal.Truncate(value.GetDecimal()).ToString(CultureInfo.InvariantCulture)
            : value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
