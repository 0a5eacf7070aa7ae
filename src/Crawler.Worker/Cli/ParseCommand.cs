using System.CommandLine;
using Crawler.Extraction;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler parse &lt;file&gt; --format json|text</c>: one report file → its figures and findings.
/// Exit codes: 0 parsed (findings or not), 3 the file is missing, cannot be fetched or read, 4 it is not an annual
/// report (the reason on stderr).
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "The report: a file (HTML, PDF, scanned PDF, image, DOCX, DOC, WPS, text) or an http(s) URL." };
        var format = new Option<string>("--format") { Description = "json: the report model as JSON; text: a readable summary.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var allowPrivate = new Option<bool>("--allow-private-network") { Description = "Let a URL point at a loopback or private address (local test servers)." };
        var command = new Command("parse", "Parse one annual report (file or URL, any format) and print its figures and findings.");
        command.Arguments.Add(input);
        command.Options.Add(format);
        command.Options.Add(allowPrivate);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(CommandSession.From(parseResult), parseResult.GetValue(input)!, parseResult.GetValue(format) ?? "text", parseResult.GetValue(allowPrivate), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandSession session, string input, string format, bool allowPrivateNetwork, CancellationToken cancellationToken)
    {
        var isUrl = Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
        var configuration = CrawlerConfiguration.Build();
        // A one-off fetch needs a contact for the User-Agent like a crawl; without one configured, say it is a local one.
        if (isUrl && configuration["Fetch:ContactUrl"] is null) configuration = CrawlerConfiguration.Build(new Dictionary<string, string?> { ["Fetch:ContactUrl"] = "mailto:crawler@localhost" });
        if (!isUrl && !File.Exists(input)) throw new CommandError($"找不到文件 (file not found): {Path.GetFullPath(input)}");
        await using var services = CommandServices.Build(configuration, session, isUrl ? CommandNeeds.Extraction | CommandNeeds.Crawling : CommandNeeds.Extraction);
        var extraction = services.GetRequiredService<DocumentExtraction>();
        var name = isUrl ? input : Path.GetFileName(input);
        ExtractionResult extracted;
        if (isUrl)
        {
            var download = await ReportDownload.FetchAsync(services, url!, allowPrivateNetwork, cancellationToken);
            if (download.Error is not null) throw new CommandError($"无法下载 {input} (cannot fetch): {download.Error}");
            try
            {
                extracted = await extraction.ExtractFileAsync(download.BodyFile!, download.ContentType, cancellationToken);
            }
            finally
            {
                File.Delete(download.BodyFile!);
            }
        }
        else
        {
            extracted = await extraction.ExtractFileAsync(input, null, cancellationToken);
        }
        if (!extracted.Succeeded) throw new CommandError($"无法读取 {name} (cannot extract): {extracted.Error}");
        var parsed = new ReportParser().Parse(extracted.Document!);
        var notReport = parsed.IsReport ? Empty(parsed) : parsed.NotReportReason;
        if (notReport is not null)
        {
            await session.Error.WriteLineAsync($"crawler: {name} 不是政府信息公开工作年度报告 (not an annual report): {notReport}");
            return ExitCodes.NotAReport;
        }
        // Extraction's own findings (LOW_CONFIDENCE from OCR) belong with the report's.
        var result = extracted.Findings.Count == 0 ? parsed : parsed with { Findings = [.. parsed.Findings, .. extracted.Findings] };
        if (format == "json") await session.Output.WriteLineAsync(ReportJson.Serialize(result, source: name));
        else ReportTextSummary.Write(result, name, session.Out);
        return ExitCodes.Success;
    }

    /// <summary>
    /// A document the parser let through on its title alone, with nothing of a report in it — no agency, no year, no
    /// statistical period, no figure — is not one to the person asking: say so instead of printing an empty skeleton.
    /// (The crawl keeps such a page with its source's agency and the year of its link; here there is no such context.)
    /// </summary>
    private static string? Empty(ReportParseResult parsed)
    {
        var report = parsed.Report;
        if (report.Agency is not null || report.Year is not null || report.StatisticalPeriod is not null || report.Figures().Any(f => f.Value is not null)) return null;
        return $"标题「{report.Title}」提到年度报告，但文中没有机关名称、年度、统计期限或任何表格数字 " +
               "(only its title names an annual report: no agency, year, statistical period or table figure was found)";
    }
}
