using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Tests.Storage;

public sealed class SqliteOutboxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("outbox-").FullName;

    private SqliteOutbox NewOutbox() => new($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);

    [Fact]
    public async Task The_same_event_enqueued_twice_is_delivered_once()
    {
        var outbox = NewOutbox();

        Assert.True(await outbox.EnqueueAsync("alert:webhook", "new-report:聊城市商务局:2023", "{}", default));
        Assert.False(await outbox.EnqueueAsync("alert:webhook", "new-report:聊城市商务局:2023", "{}", default));

        var due = await outbox.DueAsync("alert:webhook", 10, default);
        Assert.Single(due);
        await outbox.MarkDeliveredAsync(due[0].Id, default);
        Assert.Empty(await outbox.DueAsync("alert:webhook", 10, default));
    }

    [Fact]
    public async Task Pending_messages_survive_a_new_connection_and_failures_are_retried_then_declared_dead()
    {
        await NewOutbox().EnqueueAsync("index", "doc-1", "{\"a\":1}", default);

        var reopened = NewOutbox();
        var message = Assert.Single(await reopened.DueAsync("index", 10, default));
        Assert.Equal("{\"a\":1}", message.Payload);

        await reopened.MarkFailedAsync(message.Id, "503", DateTimeOffset.UtcNow.AddHours(1), default);
        Assert.Empty(await reopened.DueAsync("index", 10, default));
        await reopened.MarkFailedAsync(message.Id, "503 again", null, default);

        var counts = await reopened.CountAsync("index", default);
        Assert.Equal(1, counts[OutboxStatus.Dead]);
        Assert.Equal(0, counts[OutboxStatus.Pending]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
