using System.CommandLine;
using System.Text;
using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler export --format csv|xlsx</c>: one row per report version, one column per figure, headed by the
/// template's printed labels (<c>--header keys</c>: the dotted keys), times in Beijing time to the second.
/// CSV is UTF-8 with a BOM (so Excel reads the Chinese correctly) and RFC 4180 quoting; xlsx has a sheet per table
/// and a sheet of findings.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var format = new Option<string>("--format") { Description = "csv or xlsx (a workbook: 报告, 表二, 表三, 表四, 发现).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var header = new Option<string>("--header") { Description = "labels: the template's printed labels (自然人 …); keys: dotted keys (applications.newReceived.naturalPerson).", DefaultValueFactory = _ => "labels" };
        header.AcceptOnlyFromAmong("labels", "keys");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output (needed for xlsx on a terminal)." };
        var agency = new Option<string?>("--agency") { Description = "Only agencies whose name contains this text." };
        var year = new Option<int?>("--year") { Description = "Only reports on this year." };
        var latest = new Option<bool>("--latest") { Description = "Only each report's latest version." };
        var command = new Command("export", "Export the stored report versions for spreadsheets.") { data, format, header, output, agency, year, latest };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = CommandSession.From(parseResult);
            var file = parseResult.GetValue(output);
            var xlsx = parseResult.GetValue(format) == "xlsx";
            if (xlsx && file is null && session.OutputIsTerminal)
            {
                throw CommandError.Usage("xlsx 是二进制文件，请用 --output 文件名.xlsx 指定保存位置 (an xlsx workbook needs --output FILE)");
            }
            if (file?.Directory is { Exists: false } folder) throw new CommandError($"输出目录不存在 (the output folder does not exist): {folder.FullName}");
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var filter = new ReportFilter { Agency = parseResult.GetValue(agency), Year = parseResult.GetValue(year), LatestOnly = parseResult.GetValue(latest) };
            var versions = await services.GetRequiredService<IReportStore>().ListVersionsAsync(filter, cancellationToken);
            var headers = parseResult.GetValue(header) == "keys" ? ExportHeader.Keys : ExportHeader.Labels;
            if (file is not null)
            {
                await using (var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write))
                {
                    await WriteAsync(stream, versions, xlsx, headers, cancellationToken);
                }
                await session.Output.WriteLineAsync($"{versions.Count} 行已写入 {file.FullName} (rows written)");
            }
            else if (xlsx)
            {
                await using var stdout = Console.OpenStandardOutput();
                await WriteAsync(stdout, versions, xlsx, headers, cancellationToken);
            }
            else
            {
                // A byte-order mark also when piped (crawler export > reports.csv), for the same reason.
                await session.Output.WriteAsync('\uFEFF');
                await ReportCsvExport.WriteAsync(session.Output, versions, headers, cancellationToken);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<ReportVersionRecord> versions, bool xlsx, ExportHeader header, CancellationToken cancellationToken)
    {
        if (xlsx)
        {
            // The OpenXml package needs a seekable stream; a pipe is not one.
            using var buffer = new MemoryStream();
            ReportWorkbookExport.Write(buffer, versions, header);
            buffer.Position = 0;
            await buffer.CopyToAsync(stream, cancellationToken);
            return;
        }
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await ReportCsvExport.WriteAsync(writer, versions, header, cancellationToken);
    }
}
