using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.Reports.Model;
using Crawler.Reports.Parsing;
using Crawler.Reports.Templates;

namespace Crawler.Reports.Json;

/// <summary>
/// The JSON shape of shared/spec/report-model.md (the gold files' shape, with <c>findings</c> as
/// <c>{code, severity, where, message}</c> objects). Written by <c>crawler parse --format json</c>,
/// stored with each report version, and read back by the store and the index.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReportParseResult result, string? source = null, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions with { Indented = indented }))
        {
            Write(writer, result, source);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, ReportParseResult result, string? source = null)
    {
        var report = result.Report;
        writer.WriteStartObject();
        if (source is not null) writer.WriteString("source", source);
        writer.WriteString("agency", report.Agency);
        if (report.Year is { } year) writer.WriteNumber("year", year); else writer.WriteNull("year");
        writer.WriteString("template", report.Template.ToName());
        writer.WriteString("title", report.Title);
        if (report.StatisticalPeriod is { } period)
        {
            writer.WriteStartObject("statisticalPeriod");
            writer.WriteString("from", period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("to", period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        else writer.WriteNull("statisticalPeriod");
        writer.WriteStartObject("sections");
        writer.WriteString("overview", report.Sections.Overview);
        writer.WriteString("problems", report.Sections.Problems);
        writer.WriteString("other", report.Sections.Other);
        writer.WriteEndObject();
        WriteTable(writer, report.ActiveDisclosure);
        WriteTable(writer, report.Applications);
        WriteTable(writer, report.ReviewAndLitigation);
        WriteFindings(writer, result.Findings);
        if (!result.IsReport) writer.WriteString("notReportReason", result.NotReportReason);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"findings": [{code, severity, where, message}, …]</c> into the current object.</summary>
    public static void WriteFindings(Utf8JsonWriter writer, IEnumerable<Finding> findings)
    {
        writer.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", finding.Code);
            writer.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            writer.WriteString("where", finding.Where);
            writer.WriteString("message", finding.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteTable(Utf8JsonWriter writer, FigureTable table)
    {
        writer.WriteStartObject(table.Key);
        foreach (var row in table.Definition.Rows)
        {
            writer.WriteStartObject(row.Key);
            foreach (var cell in row.Cells)
            {
                var value = table[row.Key, cell.Key];
                if (value is null) writer.WriteNull(cell.Key);
                else if (cell.Kind == FigureKind.Amount) writer.WriteNumber(cell.Key, value.Value.Scale == 0 ? value.Value + 0.0m : value.Value);
                else writer.WriteNumber(cell.Key, value.Value);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote (or a gold file, whose findings are ignored).</summary>
    public static ReportParseResult Deserialize(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("报告 JSON 不是对象");
        var template = ReportTemplateNames.FromName(root["template"]?.GetValue<string>()) ?? ReportTemplate.Free;
        // The template's substitutions whose row the JSON holds (a mixed 2021 report's applications.otherHandling).
        var applied = ReportTemplates.For(template).Substitutions.Where(s => root[s.Table]?[s.Row.Key] is not null).ToArray();
        var blank = AnnualReport.Blank(template, applied);
        var period = root["statisticalPeriod"] is JsonObject p
            ? new StatisticalPeriod(DateOnly.Parse(p["from"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                                    DateOnly.Parse(p["to"]!.GetValue<string>(), CultureInfo.InvariantCulture))
            : null;
        var sections = root["sections"] as JsonObject;
        var report = blank with
        {
            Agency = root["agency"]?.GetValue<string>(),
            Year = root["year"]?.GetValue<int>(),
            Title = root["title"]?.GetValue<string>(),
            StatisticalPeriod = period,
            Sections = new ReportSections(
                sections?["overview"]?.GetValue<string>(),
                sections?["problems"]?.GetValue<string>(),
                sections?["other"]?.GetValue<string>()),
        };
        ReadTable(root, report.ActiveDisclosure);
        ReadTable(root, report.Applications);
        ReadTable(root, report.ReviewAndLitigation);
        var findings = root["findings"] is JsonArray array
            ? array.Select(f => new Finding(
                f!["code"]!.GetValue<string>(),
                Enum.Parse<FindingSeverity>(f["severity"]?.GetValue<string>() ?? "warning", ignoreCase: true),
                f["where"]?.GetValue<string>() ?? "",
                f["message"]?.GetValue<string>() ?? "")).ToList()
            : new List<Finding>();
        var reason = root["notReportReason"]?.GetValue<string>();
        return new ReportParseResult(report, findings) { NotReportReason = reason };
    }

    /// <summary>
    /// One row of one table of a stored report, as <see cref="Deserialize"/> would read it (<c>Deserialize(json).Report</c>'s
    /// table[row, cell] for each of the row's cells), without building the whole report: readers that need a few cells of
    /// many reports (the carry-over check of 1,000 agencies on the status page) skip the sections, the other tables and
    /// the findings. Empty when the report's template has no such row.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> ReadRow(string json, string table, string row)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("报告 JSON 不是对象");
        var template = ReportTemplateNames.FromName(Property(root, "template") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null) ?? ReportTemplate.Free;
        var declaration = ReportTemplates.For(template);
        // The table's layout as Deserialize builds it, without building the rest of the report.
        var definition = declaration.Tables.Any(t => t.Key == table)
            ? declaration.Layout(table, declaration.Substitutions.Where(s => s.Table == table
                && Property(root, s.Table) is { ValueKind: JsonValueKind.Object } rows && Property(rows, s.Row.Key) is { ValueKind: not JsonValueKind.Null })).Row(row)
            : null;
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        if (definition is null) return values;
        var cells = Property(root, table) is { ValueKind: JsonValueKind.Object } tableRows && Property(tableRows, row) is { ValueKind: JsonValueKind.Object } found ? found : (JsonElement?)null;
        foreach (var cell in definition.Cells)
        {
            values[cell.Key] = cells is { } c && Property(c, cell.Key) is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Object and not JsonValueKind.Array } value
                ? value.GetDecimal()
                : null;
        }
        return values;
    }

    private static JsonElement? Property(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value : null;

    private static void ReadTable(JsonObject root, FigureTable table)
    {
        if (root[table.Key] is not JsonObject rows) return;
        foreach (var row in table.Definition.Rows)
        {
            if (rows[row.Key] is not JsonObject cells) continue;
            foreach (var cell in row.Cells)
            {
                if (cells[cell.Key] is JsonValue value) table[row.Key, cell.Key] = value.GetValue<decimal>();
            }
        }
    }
}
