using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Tests.Fetching;

/// <summary>
/// A source's HTTP client lives as long as someone holds it: a national crawl of thousands of agencies must not keep
/// every agency's client, cookie jar and pooled connections for the whole process (issue 6 §6, peak RSS).
/// </summary>
public sealed class SourceClientsTests
{
    private static readonly Source Agency = new() { Id = "a", Agency = "测试局", StartUrls = ["http://127.0.0.1/"] };

    [Fact]
    public void The_client_is_kept_while_held_and_disposed_when_the_last_hold_ends()
    {
        using var clients = new SourceClients(new FetchOptions(), new NetworkAddressPolicy());
        var first = clients.Retain(Agency);
        var second = clients.Retain(Agency);
        var client = clients.For(Agency);

        first.Dispose();
        Assert.Same(client, clients.For(Agency));

        second.Dispose();
        second.Dispose();
        Assert.Throws<ObjectDisposedException>(client.CancelPendingRequests);
        var next = clients.For(Agency);
        Assert.NotSame(client, next);
    }

    [Fact]
    public void Sources_have_their_own_clients_and_releasing_one_leaves_the_other()
    {
        using var clients = new SourceClients(new FetchOptions(), new NetworkAddressPolicy());
        var other = Agency with { Id = "b" };
        var hold = clients.Retain(Agency);
        using var otherHold = clients.Retain(other);
        var otherClient = clients.For(other);
        Assert.NotSame(clients.For(Agency), otherClient);

        hold.Dispose();
        Assert.Same(otherClient, clients.For(other));
    }
}
