using System.CommandLine;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>The <c>--data DIR</c> option the storage commands share, and opening the store it names.</summary>
internal static class DataDirectoryOption
{
    public static Option<string> Create() => new("--data")
    {
        Description = "The data directory (state.db, archive/, warc/).",
        DefaultValueFactory = _ => "data",
    };

    /// <summary>The storage services for an existing data directory; null (with a message on stderr) when it has no state.db.</summary>
    public static ServiceProvider? Open(ParseResult parseResult, Option<string> option)
    {
        var directory = parseResult.GetValue(option) ?? "data";
        var layout = DataLayout.At(directory);
        if (!File.Exists(layout.StateDatabase))
        {
            parseResult.InvocationConfiguration.Error.WriteLine(
                $"没有找到状态数据库 {layout.StateDatabase}：请先运行 crawler crawl --once，或用 --data 指定数据目录 (no state database here)");
            return null;
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}", layout.Root)])
            .Build();
        return new ServiceCollection().AddStorage(configuration).BuildServiceProvider();
    }
}
