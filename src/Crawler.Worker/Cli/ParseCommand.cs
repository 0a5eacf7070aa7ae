using System.CommandLine;
using Crawler.Extraction;
using Crawler.Worker.Hosting;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler parse &lt;file&gt; --format json|text</c>: one report file → its figures and findings.
/// Exit codes: 0 parsed (findings or not), 2 the file is missing, unreadable or not an annual report.
/// </summary>
internal static class ParseCommand
{
    public const int NotParsed = 2;

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
            RunAsync(parseResult.GetValue(input)!, parseResult.GetValue(format) ?? "text", parseResult.GetValue(allowPrivate), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string input, string format, bool allowPrivateNetwork, CancellationToken cancellationToken)
    {
        var configuration = CrawlerConfiguration.Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddExtraction(configuration)
            .BuildServiceProvider();
        var extraction = services.GetRequiredService<DocumentExtraction>();
        var isUrl = Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
        var name = isUrl ? input : Path.GetFileName(input);
        ExtractionResult extracted;
        if (isUrl)
        {
            var download = await ReportDownload.FetchAsync(url!, configuration, allowPrivateNetwork, cancellationToken);
            if (download.Error is not null)
            {
                await Console.Error.WriteLineAsync($"无法下载 {input} (cannot fetch): {download.Error}");
                return NotParsed;
            }
            try
            {
                extracted = await extraction.ExtractFileAsync(download.BodyFile!, download.ContentType, cancellationToken);
            }
            finally
            {
                File.Delete(download.BodyFile!);
            }
        }
        else if (!File.Exists(input))
        {
            await Console.Error.WriteLineAsync($"找不到文件 (file not found): {Path.GetFullPath(input)}");
            return NotParsed;
        }
        else
        {
            extracted = await extraction.ExtractFileAsync(input, null, cancellationToken);
        }
        if (!extracted.Succeeded)
        {
            await Console.Error.WriteLineAsync($"无法读取 {name} (cannot extract): {extracted.Error}");
            return NotParsed;
        }
        var parsed = new ReportParser().Parse(extracted.Document!);
        if (!parsed.IsReport)
        {
            await Console.Error.WriteLineAsync($"{name} 不是政府信息公开工作年度报告 (not an annual report): {parsed.NotReportReason}");
            return NotParsed;
        }
        // Extraction's own findings (LOW_CONFIDENCE from OCR) belong with the report's.
        var result = extracted.Findings.Count == 0 ? parsed : parsed with { Findings = [.. parsed.Findings, .. extracted.Findings] };
        if (format == "json") await Console.Out.WriteLineAsync(ReportJson.Serialize(result, source: name));
        else ReportTextSummary.Write(result, name, Console.Out);
        return 0;
    }
}
