using Crawler.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Tests.Storage;

/// <summary>
/// Several sources are processed at once, so the first enqueues on a fresh state database race each
/// other: none may run before the outbox table exists ("no such table: outbox" lost alerts to a retry).
/// </summary>
public sealed class SqliteOutboxConcurrencyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("outbox-race-").FullName;

    [Fact]
    public async Task Concurrent_first_enqueues_on_a_fresh_database_all_succeed()
    {
        for (var round = 0; round < 5; round++)
        {
            var outbox = new SqliteOutbox($"Data Source={Path.Combine(_directory, $"state-{round}.db")}", TimeProvider.System);

            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                Task.Run(() => outbox.EnqueueAsync("alert:webhook", $"new-report:source-{i}:2023", "{}", default))));

            Assert.All(results, Assert.True);
            Assert.Equal(16, (await outbox.CountAsync("alert:webhook", default))[OutboxStatus.Pending]);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
