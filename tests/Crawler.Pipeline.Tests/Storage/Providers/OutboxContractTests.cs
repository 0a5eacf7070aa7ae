using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Tests.Storage.Providers;

/// <summary>The outbox on both providers, and on PostgreSQL the claim that hands each message to one node only.</summary>
public sealed class OutboxContractTests
{
    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task The_same_event_enqueued_twice_is_delivered_once(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var outbox = under.Outbox();

        Assert.True(await outbox.EnqueueAsync("alert:webhook", "new-report:聊城市商务局:2023", "{}", default));
        Assert.False(await outbox.EnqueueAsync("alert:webhook", "new-report:聊城市商务局:2023", "{}", default));

        var due = Assert.Single(await outbox.DueAsync("alert:webhook", 10, default));
        await outbox.MarkDeliveredAsync(due.Id, default);
        Assert.Empty(await outbox.DueAsync("alert:webhook", 10, default));
        Assert.Equal(1, (await outbox.CountAsync("alert:webhook", default))[OutboxStatus.Delivered]);
        Assert.Equal(0, (await outbox.PendingByTopicAsync(default))["alert:webhook"]);
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Pending_messages_survive_a_new_connection_and_failures_are_retried_then_declared_dead(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        await under.Outbox().EnqueueAsync("index", "doc-1", "{\"a\":1}", default);
        await under.Outbox().EnqueueAsync("index", "doc-2", "{\"a\":2}", default);

        var reopened = under.Outbox();
        var messages = await reopened.DueAsync("index", 10, default);
        Assert.Equal(["{\"a\":1}", "{\"a\":2}"], messages.Select(m => m.Payload));
        var message = messages[0];

        await reopened.MarkFailedAsync(message.Id, "503", DateTimeOffset.UtcNow.AddHours(1), default);
        await reopened.MarkFailedAsync(message.Id, "503 again", null, default);
        await reopened.MarkDeliveredAsync(messages[1].Id, default);

        var counts = await reopened.CountAsync("index", default);
        Assert.Equal((1, 0, 1), (counts[OutboxStatus.Dead], counts[OutboxStatus.Pending], counts[OutboxStatus.Delivered]));
        Assert.Empty(await reopened.DueAsync("index", 10, default));
    }

    [Theory]
    [InlineData(StoreUnderTest.Sqlite)]
    [PostgresRow]
    public async Task Concurrent_first_enqueues_all_succeed(string provider)
    {
        await using var under = await StoreUnderTest.CreateAsync(provider);
        var outbox = under.Outbox();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => outbox.EnqueueAsync("alert:webhook", $"new-report:source-{i}:2023", "{}", default))));

        Assert.All(results, Assert.True);
        Assert.Equal(16, (await outbox.CountAsync("alert:webhook", default))[OutboxStatus.Pending]);
    }

    /// <summary>
    /// Two nodes claiming from one table at once, each on its own connection pool, in batches of 7: every one of 300
    /// messages is claimed by exactly one of them (FOR UPDATE SKIP LOCKED), and a claimed message is not due again.
    /// </summary>
    [PostgresFact]
    public async Task Two_concurrent_claimers_on_PostgreSQL_each_get_disjoint_batches_and_every_message_once()
    {
        await using var under = await StoreUnderTest.CreateAsync(StoreUnderTest.PostgreSql);
        var writer = under.Outbox();
        for (var i = 0; i < 300; i++) await writer.EnqueueAsync("index", $"doc-{i}", $"{{\"n\":{i}}}", default);
        var nodes = new[] { under.Outbox("node-a"), under.Outbox("node-b") };
        var claimed = nodes.Select(_ => new List<long>()).ToArray();
        using var start = new Barrier(2);

        await Task.WhenAll(nodes.Select((outbox, n) => Task.Run(async () =>
        {
            start.SignalAndWait();
            while (true)
            {
                var batch = await outbox.DueAsync("index", 7, default);
                if (batch.Count == 0) return;
                claimed[n].AddRange(batch.Select(m => m.Id));
                foreach (var message in batch) await outbox.MarkDeliveredAsync(message.Id, default);
            }
        })));

        var all = claimed[0].Concat(claimed[1]).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
        Assert.True(claimed[0].Count > 0 && claimed[1].Count > 0, $"node-a claimed {claimed[0].Count}, node-b {claimed[1].Count}");
        Assert.Equal(300, (await writer.CountAsync("index", default))[OutboxStatus.Delivered]);
    }

    [PostgresFact]
    public async Task A_claim_that_is_never_settled_is_handed_out_again_once_its_lease_runs_out()
    {
        await using var under = await StoreUnderTest.CreateAsync(StoreUnderTest.PostgreSql);
        var clock = new Notification.ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var database = ((PostgresStoreUnderTest)under).Open();
        var dying = new Crawler.Pipeline.Storage.PostgreSql.PostgresOutbox(database, clock, "node-a", TimeSpan.FromMinutes(5));
        var survivor = new Crawler.Pipeline.Storage.PostgreSql.PostgresOutbox(database, clock, "node-b", TimeSpan.FromMinutes(5));
        await dying.EnqueueAsync("alert:webhook", "k", "{}", default);

        var first = Assert.Single(await dying.DueAsync("alert:webhook", 10, default));
        Assert.Empty(await survivor.DueAsync("alert:webhook", 10, default));
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(first.Id, Assert.Single(await survivor.DueAsync("alert:webhook", 10, default)).Id);
    }
}
