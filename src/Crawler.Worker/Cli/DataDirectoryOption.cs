using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Crawler.Pipeline.Storage;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Cli;

/// <summary>The <c>--data DIR</c> option the storage commands share, and opening the store it names for reading.</summary>
internal static class DataDirectoryOption
{
    public static Option<string> Create() => new("--data")
    {
        Description = "The data directory (state.db, archive/, warc/).",
        DefaultValueFactory = _ => "data",
    };

    /// <summary>
    /// The storage services of an existing data directory, read-only: nothing is written (not even a migration), so a
    /// read-only folder or mount works and a running worker is never held up. No state.db there is an error, unless the
    /// state is on PostgreSQL (<c>Storage__Provider=PostgreSql</c>): then the folder holds only the archive and WARC files.
    /// </summary>
    public static ServiceProvider Open(ParseResult parseResult, Option<string> option)
    {
        var layout = DataLayout.At(parseResult.GetValue(option) ?? "data");
        var configuration = CommandServices.Configuration(layout.Root, readOnly: true);
        RequireState(layout, configuration);
        return CommandServices.Build(configuration, CommandSession.From(parseResult), CommandNeeds.Storage);
    }

    /// <summary>Whether the state lives on PostgreSQL (<c>Storage__Provider=PostgreSql</c>) rather than in the data folder's state.db.</summary>
    public static bool OnPostgreSql(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.SectionName).GetValue<StorageProvider?>(nameof(StorageOptions.Provider)) == StorageProvider.PostgreSql;

    /// <summary>
    /// The embedded store must exist in the data folder (and is migrated once if older and writable); the PostgreSQL
    /// store needs nothing there (its schema is checked when it is first read).
    /// </summary>
    public static void RequireState(DataLayout layout, IConfiguration configuration)
    {
        if (OnPostgreSql(configuration)) return;
        if (!File.Exists(layout.StateDatabase))
        {
            throw new CommandError($"没有找到状态数据库 {layout.StateDatabase}：请先运行 crawler crawl --once，或用 --data 指定数据目录 (no state database here)");
        }
        UpgradeIfOlder(layout);
    }

    /// <summary>
    /// A state database written by an older crawler is migrated once when its folder can be written; a read-only one
    /// cannot be, and reading it fails with that reason.
    /// </summary>
    private static void UpgradeIfOlder(DataLayout layout)
    {
        try
        {
            new StateDatabase(layout, readOnly: true).CurrentVersionAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (StorageUnavailableException older)
        {
            try
            {
                new StateDatabase(layout).MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                throw new StorageUnavailableException(older.Message, e);
            }
        }
    }
}
