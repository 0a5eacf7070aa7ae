using System.CommandLine;
using System.Globalization;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler quarantine</c>: documents kept in the archive whose extraction or parsing failed, with the
/// error and the number of attempts; each run of the worker retries them.
/// </summary>
internal static class QuarantineCommand
{
    public static Command Create()
    {
        var data = DataDirectoryOption.Create();
        var command = new Command("quarantine", "List archived documents that failed processing and will be retried.") { data };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var quarantined = await services.GetRequiredService<IReportStore>().QuarantinedAsync(cancellationToken);
            var console = CommandSession.From(parseResult).Out;
            var table = new Table().AddColumns("来源 Source", "文档 Document", "尝试 Attempts", "最近 Last attempt", "错误 Error", "sha256");
            foreach (var state in quarantined)
            {
                table.AddRow(Markup.Escape(state.Context.SourceId), Markup.Escape(state.Context.Url.AbsoluteUri),
                    state.Attempts.ToString(CultureInfo.InvariantCulture),
                    ReportExportColumns.BeijingTime(state.LastAttemptAt, ExportHeader.Labels),
                    Markup.Escape(state.Detail ?? ""), state.Sha256[..12]);
            }
            console.Write(table);
            console.WriteLine($"{quarantined.Count} 个文档处于隔离状态 (quarantined documents)");
            return ExitCodes.Success;
        });
        return command;
    }
}
