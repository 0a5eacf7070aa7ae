using System.CommandLine;
using Crawler.Extraction;
using Crawler.Extraction.PlainText;
using Format = Crawler.Extraction.DocumentFormat;
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
        var file = new Argument<FileInfo>("file") { Description = "The report: a text dump of an annual report (政府信息公开工作年度报告)." };
        var format = new Option<string>("--format") { Description = "json: the report model as JSON; text: a readable summary.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("parse", "Parse one annual report file and print its figures and findings.");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(file)!, parseResult.GetValue(format) ?? "text", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string format, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"找不到文件 (file not found): {file.FullName}");
            return NotParsed;
        }
        var extraction = await ExtractAsync(file, cancellationToken);
        if (!extraction.Succeeded)
        {
            await Console.Error.WriteLineAsync($"无法读取 {file.Name} (cannot extract): {extraction.Error}");
            return NotParsed;
        }
        var result = new ReportParser().Parse(extraction.Document!);
        if (!result.IsReport)
        {
            await Console.Error.WriteLineAsync($"{file.Name} 不是政府信息公开工作年度报告 (not an annual report): {result.NotReportReason}");
            return NotParsed;
        }
        if (format == "json") await Console.Out.WriteLineAsync(ReportJson.Serialize(result, source: file.Name));
        else ReportTextSummary.Write(result, file.Name, Console.Out);
        return 0;
    }

    /// <summary>The one place the command turns a file into a document (plain text for now; later every format).</summary>
    private static async Task<ExtractionResult> ExtractAsync(FileInfo file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ExtractionResult.Failure(Format.Unknown, exception.Message);
        }
        return await new PlainTextExtractor().ExtractAsync(new SourceDocument(bytes, file.Name), Format.PlainText, cancellationToken);
    }
}
