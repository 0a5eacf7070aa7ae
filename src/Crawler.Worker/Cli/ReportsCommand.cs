using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Publication;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary><c>crawler reports</c>: the stored report versions, as JSON (one object per version) or a table.</summary>
internal static class ReportsCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var agency = new Option<string?>("--agency") { Description = "Only agencies whose name contains this text (e.g. 聊城)." };
        var year = new Option<int?>("--year") { Description = "Only reports on this year." };
        var latest = new Option<bool>("--latest") { Description = "Only each report's latest version." };
        var format = new Option<string>("--format") { Description = "json or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var diff = new Option<bool>("--diff") { Description = "What changed between each report's consecutive versions, figure by figure." };
        var command = new Command("reports", "List stored report versions with provenance, figures and findings.") { data, agency, year, latest, format, diff };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var filter = new ReportFilter { Agency = parseResult.GetValue(agency), Year = parseResult.GetValue(year), LatestOnly = parseResult.GetValue(latest) && !parseResult.GetValue(diff) };
            var versions = await services.GetRequiredService<IReportStore>().ListVersionsAsync(filter, cancellationToken);
            var session = CommandSession.From(parseResult);
            if (parseResult.GetValue(diff)) return await DiffAsync(session, versions);
            if (parseResult.GetValue(format) == "json") await session.Output.WriteLineAsync(Json(versions).AsMemory(), cancellationToken);
            else Table(session, versions);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> DiffAsync(CommandSession session, IReadOnlyList<ReportVersionRecord> versions)
    {
        var diffs = ReportDiff.Consecutive(versions);
        if (diffs.Count == 0)
        {
            await session.Output.WriteLineAsync($"所选的 {versions.Count} 个版本中没有哪个报告有两个以上版本，无可比较 (no selected report has two versions to compare)");
            return ExitCodes.Success;
        }
        foreach (var change in diffs) change.Write(session.Output);
        return ExitCodes.Success;
    }

    internal static string Json(IReadOnlyList<ReportVersionRecord> versions)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var version in versions)
            {
                writer.WriteStartObject();
                writer.WriteString("agency", version.Agency);
                writer.WriteString("region", version.Region);
                writer.WriteNumber("year", version.Year);
                writer.WriteNumber("version", version.Version);
                writer.WriteBoolean("isLatest", version.IsLatest);
                writer.WriteString("sourceId", version.SourceId);
                writer.WriteString("pageUrl", version.PageUrl?.AbsoluteUri);
                writer.WriteString("documentUrl", version.DocumentUrl.AbsoluteUri);
                writer.WriteString("sha256", version.Sha256);
                if (version.Size is { } size) writer.WriteNumber("size", size); else writer.WriteNull("size");
                writer.WriteString("fetchedAt", version.FetchedAt);
                writer.WriteString("publishedAt", version.PublishedAt?.Text);
                writer.WriteString("publishedAtSource", version.PublishedAt is { } published ? DateSources.Name(published.Source) : null);
                writer.WriteStartArray("publicationDates");
                foreach (var date in version.PublicationDates)
                {
                    writer.WriteStartObject();
                    writer.WriteString("date", date.Text);
                    writer.WriteString("source", DateSources.Name(date.Source));
                    writer.WriteString("evidence", date.Evidence);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteString("mediaType", version.MediaType);
                writer.WritePropertyName("report");
                writer.WriteRawValue(version.ParsedJson);
                ReportJson.WriteFindings(writer, version.Findings);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Table(CommandSession session, IReadOnlyList<ReportVersionRecord> versions)
    {
        var console = session.Out;
        var table = new Table().AddColumns("机关 Agency", "年度", "版本", "模板", "发现 Findings", "发布 Published", "抓取（北京时间）", "文档 Document");
        foreach (var v in versions)
        {
            var findings = string.Join(' ', v.Findings.GroupBy(f => f.Code).Select(g => g.Count() == 1 ? g.Key : $"{g.Key}×{g.Count()}"));
            table.AddRow(Markup.Escape(v.Agency), v.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                v.Version + (v.IsLatest ? "" : " (旧)"), v.Template, Markup.Escape(findings.Length == 0 ? "—" : findings),
                v.PublishedAt is { } published ? $"{published.Text} {Markup.Escape(DateSources.Label(published.Source))}" : "—",
                ReportExportColumns.BeijingTime(v.FetchedAt, ExportHeader.Labels), Markup.Escape(v.DocumentUrl.AbsoluteUri));
        }
        console.Write(table);
        console.WriteLine($"{versions.Count} 个报告版本 (report versions)");
    }
}
