using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Storage.PostgreSql;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler migrate --from DIR --to CONNECTION</c>: copies the embedded store of a data folder (its state.db, opened
/// read-only) into the PostgreSQL state database, ids kept, one line per table. Safe to repeat: a second run copies
/// nothing. The archive and WARC files stay where they are: point the PostgreSQL workers' Storage__DataDirectory at
/// that folder (docs/storage.md).
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The data folder whose state.db is copied (opened read-only).", Required = true };
        var to = new Option<string?>("--to")
        {
            Description = "The Npgsql connection string of the PostgreSQL state database (default: Storage__ConnectionString), e.g. Host=db;Database=crawler;Username=crawler.",
        };
        var command = new Command("migrate", "Copy an embedded store (state.db) into the PostgreSQL state database (ids kept; safe to repeat).") { from, to };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var connectionString = parseResult.GetValue(to) is { Length: > 0 } given ? given
                : CrawlerConfiguration.Build()[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw CommandError.Usage("migrate 需要 --to 连接串或 Storage__ConnectionString (the PostgreSQL connection string, e.g. Host=db;Database=crawler;Username=crawler)");
            }
            var layout = DataLayout.At(parseResult.GetValue(from) ?? "data");
            if (!File.Exists(layout.StateDatabase))
            {
                throw new CommandError($"没有找到要迁移的状态数据库 {layout.StateDatabase}：--from 应为含 state.db 的数据目录 (no state database to migrate here)");
            }
            await using var target = OpenTarget(connectionString);
            var session = CommandSession.From(parseResult);
            var clock = Stopwatch.StartNew();
            var tables = await new SqliteToPostgresMigration(new StateDatabase(layout, readOnly: true), target).RunAsync(cancellationToken);
            foreach (var table in tables) await session.Output.WriteLineAsync(Line(table));
            await session.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{layout.StateDatabase} → {target.Describe}: {tables.Where(t => t.Table != SqliteToPostgresMigration.SearchRows).Sum(t => t.Copied)} rows copied in {clock.Elapsed.TotalSeconds:0.0} s"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"documents: 12 copied, 0 already there"; the search rows are built, not copied.</summary>
    internal static string Line(MigratedTable table) => table.Table == SqliteToPostgresMigration.SearchRows
        ? string.Create(CultureInfo.InvariantCulture, $"{table.Table}: {table.Copied} rebuilt from report_texts")
        : string.Create(CultureInfo.InvariantCulture, $"{table.Table}: {table.Copied} copied, {table.AlreadyThere} already there");

    private static PostgresDatabase OpenTarget(string connectionString)
    {
        try
        {
            return new PostgresDatabase(connectionString);
        }
        catch (ArgumentException e)
        {
            throw CommandError.Usage($"--to 不是有效的 PostgreSQL 连接串 (not a valid Npgsql connection string): {e.Message}");
        }
    }
}
