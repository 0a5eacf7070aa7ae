using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Tests.Storage;

/// <summary>The first uses of a new outbox may come at once (observer and dispatcher at start-up).</summary>
public sealed class SqliteOutboxConcurrencyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("outbox-race-").FullName;

    [Fact]
    public async Task Concurrent_first_calls_all_find_the_table()
    {
        for (var round = 0; round < 20; round++)
        {
            var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, $"state-{round}.db")}", TimeProvider.System);

            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0
                ? outbox.EnqueueAsync("index", $"doc-{i}", "{}", default)
                : outbox.DueAsync("index", 10, default))));

            Assert.Equal(4, (await outbox.CountAsync("index", default))[OutboxStatus.Pending]);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
