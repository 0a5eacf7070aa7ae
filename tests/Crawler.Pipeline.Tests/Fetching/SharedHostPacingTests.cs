using System.Diagnostics;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Storage.PostgreSql;
using Crawler.Pipeline.Tests.SimulatedWeb;
using Crawler.Pipeline.Tests.Storage.Providers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crawler.Pipeline.Tests.Fetching;

/// <summary>
/// Politeness across nodes: two workers, each with its own <see cref="HostGate"/>, hammer one server. On the shared
/// PostgreSQL store (a lease row per server in host_pacing) they take turns, and the server sees no two requests closer
/// together than the delay; each node alone would not. The server measures the gaps.
/// </summary>
public sealed class SharedHostPacingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(150);
    // The delay runs on the database's wall clock, the gaps on the server's Stopwatch: the two may drift by a hair.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(2);
    private const int RequestsPerNode = 8;

    [PostgresFact]
    public async Task Two_nodes_on_the_PostgreSql_store_reach_one_host_no_faster_than_the_delay_between_them()
    {
        var name = await PostgresStoreUnderTest.CreateDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(StoreUnderTest.PostgresAdmin) { Database = name }.ConnectionString;
        await using var web = await SimulatedGovWeb.StartAsync();
        try
        {
            // Each node wired as a worker is: its own container, its own gate, the one database.
            await using var node1 = Node(connectionString, "node-1");
            await using var node2 = Node(connectionString, "node-2");
            var started = Stopwatch.GetTimestamp();

            var gaps = await HammerAsync(web, node1.GetRequiredService<HostGate>(), node2.GetRequiredService<HostGate>());

            output.WriteLine($"gaps (ms): {string.Join(", ", gaps.Select(g => g.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");
            Assert.Equal(2 * RequestsPerNode - 1, gaps.Count);
            Assert.True(gaps.Min() >= Delay - Tolerance, $"two requests {gaps.Min().TotalMilliseconds:0.0} ms apart (gaps {string.Join(", ", gaps.Select(g => g.TotalMilliseconds.ToString("0")))}), delay {Delay.TotalMilliseconds} ms");
            var bound = (2 * RequestsPerNode - 1) * (Delay - Tolerance);
            Assert.True(Stopwatch.GetElapsedTime(started) >= bound, $"16 requests in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
            await using var database = new PostgresDatabase(connectionString);
            await using var connection = await database.OpenAsync(default);
            await using var rows = new NpgsqlCommand("SELECT string_agg(host_key, ',') FROM host_pacing", connection);
            Assert.Equal("127.0.0.1", await rows.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresStoreUnderTest.DropDatabaseAsync(name);
        }
    }

    /// <summary>Why the shared slot is needed, and that the measurement above can fail: two gates of their own collide.</summary>
    [Fact]
    public async Task Two_nodes_each_keeping_the_delay_alone_reach_one_host_closer_than_the_delay()
    {
        await using var web = await SimulatedGovWeb.StartAsync();

        var gaps = await HammerAsync(web, new HostGate(TimeProvider.System), new HostGate(TimeProvider.System));

        Assert.Equal(2 * RequestsPerNode - 1, gaps.Count);
        Assert.True(gaps.Min() < Delay / 2, $"closest two requests {gaps.Min().TotalMilliseconds:0.0} ms apart");
    }

    /// <summary>Both gates send <see cref="RequestsPerNode"/> requests at once; the gaps between arrivals, as the server saw them.</summary>
    private static async Task<List<TimeSpan>> HammerAsync(SimulatedGovWeb web, params HostGate[] gates)
    {
        web.Map("/pace", context => context.Response.WriteAsync("ok"));
        var url = new Uri(web.BaseUrl, "/pace");
        using var http = new HttpClient();
        await Task.WhenAll(gates.Select(gate => Task.Run(async () =>
        {
            for (var i = 0; i < RequestsPerNode; i++)
            {
                using var turn = await gate.EnterAsync(url, Delay, CancellationToken.None);
                (await http.GetAsync(url)).EnsureSuccessStatusCode();
            }
        })));
        var arrivals = web.Requests.Where(r => r.Target == "/pace").Select(r => r.StartedAt).Order().ToList();
        return arrivals.Skip(1).Select((at, i) => Stopwatch.GetElapsedTime(arrivals[i], at)).ToList();
    }

    private static ServiceProvider Node(string connectionString, string node)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "pacing-" + node),
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:NodeName"] = node,
        }).Build();
        return new ServiceCollection().AddLogging().AddCrawling(configuration).AddStorage(configuration).BuildServiceProvider();
    }
}
