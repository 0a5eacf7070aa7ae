using System.Globalization;
using System.Text.Json.Nodes;

namespace Crawler.Reports.Publication;

/// <summary>
/// Every date found for a report version as JSON, stored beside the chosen one:
/// <c>[{ "date": "2024-01-25", "precision": "day", "source": "pageMetadata", "evidence": "&lt;meta …&gt;" }, …]</c>.
/// </summary>
public static class PublicationJson
{
    public static JsonArray ToJson(IEnumerable<PublicationDate> dates) =>
        new([.. dates.Select(d => (JsonNode)new JsonObject
        {
            ["date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["precision"] = d.Precision == DatePrecision.Month ? "month" : "day",
            ["source"] = DateSources.Name(d.Source),
            ["evidence"] = d.Evidence,
        })]);

    public static string Serialize(IEnumerable<PublicationDate> dates) => ToJson(dates).ToJsonString(
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Reads what <see cref="Serialize"/> wrote; entries it cannot read are skipped.</summary>
    public static IReadOnlyList<PublicationDate> Deserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || JsonNode.Parse(json) is not JsonArray array) return [];
        var dates = new List<PublicationDate>();
        foreach (var item in array.OfType<JsonObject>())
        {
            if (!DateOnly.TryParseExact(item["date"]?.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            if (DateSources.FromName(item["source"]?.GetValue<string>()) is not { } source) continue;
            dates.Add(new PublicationDate(date, source, item["evidence"]?.GetValue<string>() ?? "")
            {
                Precision = item["precision"]?.GetValue<string>() == "month" ? DatePrecision.Month : DatePrecision.Day,
            });
        }
        return dates;
    }
}
