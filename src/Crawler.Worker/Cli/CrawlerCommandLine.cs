using System.CommandLine;

namespace Crawler.Worker.Cli;

/// <summary>The <c>crawler</c> command line: one sub-command per file in this folder.</summary>
public static class CrawlerCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("政府信息公开工作年度报告 crawler: finds, archives, parses, checks, indexes and announces annual reports.");
        foreach (var command in Commands()) root.Subcommands.Add(command);
        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return VersionCommand.Create();
        yield return ParseCommand.Create();
        yield return RunCommand.Create();
        yield return CrawlCommand.Create();
        yield return ReportsCommand.Create();
        yield return ComplianceCommand.Create();
        yield return CompareCommand.Create();
        yield return SearchCommand.Create();
        yield return ExportCommand.Create();
        yield return QuarantineCommand.Create();
        yield return EsCommand.Create();
        yield return HealthCommand.Create();
        yield return KibanaCommand.Create();
        yield return ReindexCommand.Create();
        yield return AlertsCommand.Create();
    }
}
