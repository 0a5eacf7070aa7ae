using System.Globalization;
using System.Text.Json;
using Crawler.Reports.Model;
using Crawler.Tests.Shared;

namespace Crawler.Extraction.Tests.Pdf;

/// <summary>A seed's gold figures as the printed table shows them: label → cell texts (null = blank).</summary>
internal static class GoldFigures
{
    public static IEnumerable<(string Label, string?[] Values)> Applications(string stem)
    {
        var gold = Load(stem).GetProperty("applications");
        foreach (var row in ReportSchema.Applications2021.Rows)
            yield return (row.Label, ReportSchema.ApplicantColumns.Select(c => Text(gold.GetProperty(row.Key).GetProperty(c.Key))).ToArray());
    }

    public static string?[] Review(string stem) =>
        new[] { "review", "litigationDirect", "litigationAfterReview" }.SelectMany(g =>
            ReportSchema.ReviewCells.Select(c => Text(Load(stem).GetProperty("reviewAndLitigation").GetProperty(g).GetProperty(c.Key)))).ToArray();

    public static IEnumerable<(string Label, string?[] Values)> ActiveDisclosure(string stem)
    {
        var gold = Load(stem).GetProperty("activeDisclosure");
        foreach (var row in ReportSchema.ActiveDisclosure2021.Rows)
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
