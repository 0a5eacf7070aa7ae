using System.CommandLine;
using System.CommandLine.Invocation;

namespace Crawler.Worker.Cli;

/// <summary>
/// The <c>crawler</c> command line: one sub-command per file in this folder, the global options of
/// <see cref="CommandSession"/>, and the exit codes of <see cref="ExitCodes"/>. A parse error or an exception ends
/// in one line on stderr (the stack trace only with --debug).
/// </summary>
public static class CrawlerCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("政府信息公开工作年度报告 crawler: finds, archives, parses, checks, indexes and announces annual reports.");
        foreach (var option in CommandSession.GlobalOptions()) root.Options.Add(option);
        foreach (var command in Commands()) root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Runs one command line as the process does: exit code, results on <paramref name="output"/>, errors on <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            if (parseResult.CommandResult.Command is RootCommand && args.Length == 0)
            {
                await parseResult.InvokeAsync(new InvocationConfiguration { Output = configuration.Output, Error = TextWriter.Null });
                return ExitCodes.Usage;
            }
            var command = string.Join(' ', parseResult.CommandResult.Command.Parents.OfType<Command>().Where(c => c is not RootCommand).Select(c => c.Name)
                .Append(parseResult.CommandResult.Command is RootCommand ? "" : parseResult.CommandResult.Command.Name)).Trim();
            var help = command.Length == 0 ? "crawler --help" : $"crawler {command} --help";
            await configuration.Error.WriteLineAsync($"crawler: {ErrorReport.OneLine(ErrorReport.ParseError(parseResult.Errors[0].Message))} (see {help})");
            return ExitCodes.Usage;
        }
        try
        {
            return await parseResult.InvokeAsync(configuration);
        }
        catch (Exception exception)
        {
            var (message, exitCode) = ErrorReport.Describe(exception);
            await configuration.Error.WriteLineAsync("crawler: " + ErrorReport.OneLine(message));
            if (IsDebug(parseResult)) await configuration.Error.WriteLineAsync(exception.ToString());
            return exitCode;
        }
    }

    private static bool IsDebug(ParseResult parseResult) => parseResult.GetValue<bool>(CommandSession.DebugOption);

    private static IEnumerable<Command> Commands()
    {
        yield return VersionCommand.Create();
        yield return ParseCommand.Create();
        yield return RunCommand.Create();
        yield return CrawlCommand.Create();
        yield return StatusCommand.Create();
        yield return ReportsCommand.Create();
        yield return OriginalCommand.Create();
        yield return ComplianceCommand.Create();
        yield return CompareCommand.Create();
        yield return SearchCommand.Create();
        yield return ExportCommand.Create();
        yield return QuarantineCommand.Create();
        yield return EsCommand.Create();
        yield return HealthCommand.Create();
        yield return KibanaCommand.Create();
        yield return ReindexCommand.Create();
        yield return MigrateCommand.Create();
        yield return AlertsCommand.Create();
    }
}
