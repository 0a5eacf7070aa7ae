using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Storage;
using Crawler.Reports.CrossYear;
using Crawler.Reports.Publication;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler compare --agency A --years 2022,2023</c>: one agency's reports side by side, every figure with its
/// change from the previous year, and the cross-year check (上年结转 against last year's 结转下年度).
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var agency = new Option<string>("--agency") { Description = "The agency (its full name, or a part naming one agency only).", Required = true };
        var years = new Option<string>("--years") { Description = "Report years, comma-separated (2022,2023).", Required = true };
        var changedOnly = new Option<bool>("--changed") { Description = "Only figures that changed." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("compare", "Compare one agency's reports across years, figure by figure.") { data, agency, years, changedOnly, format };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var wanted = ParseYears(parseResult.GetValue(years)!)
                ?? throw CommandError.Usage($"--years 应为逗号分隔的年度，如 2022,2023 (expected years like 2022,2023): {parseResult.GetValue(years)}");
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var name = parseResult.GetValue(agency)!.Trim();
            var latest = await services.GetRequiredService<IReportStore>().ListVersionsAsync(new ReportFilter { Agency = name, LatestOnly = true }, cancellationToken);
            var agencies = latest.Select(v => v.Agency).Distinct().ToList();
            var chosen = agencies.Contains(name) ? name : agencies.Count == 1 ? agencies[0] : null;
            if (chosen is null)
            {
                throw agencies.Count == 0
                    ? new CommandError($"没有 {name} 的报告 (no stored report of this agency)")
                    : CommandError.Usage($"{name} 对应多个机关，请写全名 (several agencies match): {string.Join("、", agencies)}");
            }
            var previous = latest.Where(v => v.Agency == chosen);
            var comparison = YearComparison.Build(chosen, wanted, CarryOverCheck.Refresh(previous, previous));
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == "json") await output.WriteLineAsync(Json(comparison, parseResult.GetValue(changedOnly)));
            else Table(CommandSession.From(parseResult).Out, comparison, parseResult.GetValue(changedOnly));
            return comparison.Reports.All(r => r is null) ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    private static List<int>? ParseYears(string text)
    {
        var years = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100) return null;
            years.Add(year);
        }
        return years.Count == 0 ? null : [.. years.Distinct().Order()];
    }

    private static string Json(YearComparison comparison, bool changedOnly)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("agency", comparison.Agency);
            writer.WriteStartArray("years");
            foreach (var year in comparison.Years) writer.WriteNumberValue(year);
            writer.WriteEndArray();
            writer.WriteStartArray("reports");
            for (var i = 0; i < comparison.Years.Count; i++)
            {
                var report = comparison.Reports[i];
                writer.WriteStartObject();
                writer.WriteNumber("year", comparison.Years[i]);
                writer.WriteBoolean("found", report is not null);
                if (report is not null)
                {
                    writer.WriteNumber("version", report.Version);
                    writer.WriteString("template", report.Template);
                    writer.WriteString("publishedAt", report.PublishedAt?.Text);
                    writer.WriteString("publishedAtSource", report.PublishedAt is { } p ? DateSources.Name(p.Source) : null);
                    writer.WriteString("documentUrl", report.DocumentUrl.AbsoluteUri);
                    Reports.Json.ReportJson.WriteFindings(writer, report.Findings.Where(f => f.Code == CarryOverRule.Code));
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("figures");
            foreach (var figure in comparison.Figures.Where(f => !changedOnly || f.Changed))
            {
                writer.WriteStartObject();
                writer.WriteString("key", figure.Key);
                writer.WriteString("label", figure.Label);
                writer.WriteStartObject("values");
                for (var i = 0; i < comparison.Years.Count; i++) Number(writer, comparison.Years[i].ToString(CultureInfo.InvariantCulture), figure.Values[i]);
                writer.WriteEndObject();
                writer.WriteStartObject("changes");
                for (var i = 1; i < comparison.Years.Count; i++) Number(writer, comparison.Years[i].ToString(CultureInfo.InvariantCulture), figure.Changes[i]);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v) writer.WriteNumber(name, v); else writer.WriteNull(name);
    }

    private static void Table(IAnsiConsole console, YearComparison comparison, bool changedOnly)
    {
        var table = new Table().Title(Markup.Escape($"{comparison.Agency} 年度报告对比"));
        table.AddColumn("数据项");
        for (var i = 0; i < comparison.Years.Count; i++)
        {
            table.AddColumn(new TableColumn(comparison.Reports[i] is null ? $"{comparison.Years[i]}（无报告）" : $"{comparison.Years[i]}").RightAligned());
            if (i > 0) table.AddColumn(new TableColumn("变化").RightAligned());
        }
        foreach (var figure in comparison.Figures.Where(f => !changedOnly || f.Changed))
        {
            var cells = new List<string> { Markup.Escape(figure.Label) };
            for (var i = 0; i < comparison.Years.Count; i++)
            {
                cells.Add(figure.Values[i]?.ToString(CultureInfo.InvariantCulture) ?? "—");
                if (i > 0) cells.Add(figure.Changes[i] switch { null => "—", 0 => "0", > 0 and var up => $"[red]+{up.ToString(CultureInfo.InvariantCulture)}[/]", var down => $"[green]{down.Value.ToString(CultureInfo.InvariantCulture)}[/]" });
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        foreach (var finding in comparison.Reports.OfType<ReportVersionRecord>().SelectMany(r => r.Findings).Where(f => f.Code == CarryOverRule.Code))
            console.WriteLine($"{finding.Code}: {finding.Message}");
    }
}
