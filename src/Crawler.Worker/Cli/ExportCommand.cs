using System.CommandLine;
using System.Text;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler export --format csv</c>: one row per report version, one column per figure, UTF-8 with a BOM
/// (so Excel reads the Chinese correctly) and RFC 4180 quoting.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var format = new Option<string>("--format") { Description = "Export format: csv.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv");
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var agency = new Option<string?>("--agency") { Description = "Only agencies whose name contains this text." };
        var year = new Option<int?>("--year") { Description = "Only reports on this year." };
        var latest = new Option<bool>("--latest") { Description = "Only each report's latest version." };
        var command = new Command("export", "Export the stored report versions for spreadsheets.") { data, format, output, agency, year, latest };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DataDirectoryOption.Open(parseResult, data);
            if (services is null) return 1;
            var filter = new ReportFilter { Agency = parseResult.GetValue(agency), Year = parseResult.GetValue(year), LatestOnly = parseResult.GetValue(latest) };
            var versions = await services.GetRequiredService<IReportStore>().ListVersionsAsync(filter, cancellationToken);
            if (parseResult.GetValue(output) is { } file)
            {
                await using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
                {
                    await ReportCsvExport.WriteAsync(writer, versions, cancellationToken);
                }
                await parseResult.InvocationConfiguration.Output.WriteLineAsync($"{versions.Count} 行已写入 {file.FullName} (rows written)");
            }
            else
            {
                var console = parseResult.InvocationConfiguration.Output;
                // A byte-order mark also when piped (crawler export > reports.csv), for the same reason.
                await console.WriteAsync('\uFEFF');
                await ReportCsvExport.WriteAsync(console, versions, cancellationToken);
            }
            return 0;
        });
        return command;
    }
}
