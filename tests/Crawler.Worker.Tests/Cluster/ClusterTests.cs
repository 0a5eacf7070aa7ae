using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crawler.LoadTest;
using Crawler.Pipeline.Tests.Indexing;
using Crawler.Tests.Shared;
using Npgsql;

namespace Crawler.Worker.Tests.Cluster;

/// <summary>
/// Issue 15's cluster: three <c>crawler run</c> workers on one PostgreSQL database (clustered Quartz store) and one data
/// folder, every source scheduled every 20 seconds, one worker killed with SIGKILL part-way. The test site's request log
/// shows each fire time crawled once per source (its entry page asked once in each 20-second window), the survivors
/// carry on, no report version or alert is stored or sent twice, and the three nodes between them keep the per-host
/// delay (the sources share one host).
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ClusterTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Every20Seconds = "0/20 * * * * ?";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PerHostDelay = TimeSpan.FromMilliseconds(200);
    private readonly string _directory = Directory.CreateTempSubdirectory("crawler-cluster-").FullName;
    private readonly List<Worker> _workers = [];
    private string? _database;

    [PostgresClusterFact]
    public async Task Three_workers_crawl_each_fire_time_once_and_the_survivors_carry_on_after_one_is_killed()
    {
        _database = "crawler_cluster_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync($"CREATE DATABASE {_database} TEMPLATE template0 ENCODING 'UTF8'");
        var connectionString = new NpgsqlConnectionStringBuilder(Admin) { Database = _database, MaxPoolSize = 20 }.ConnectionString;
        // Three agencies on one host: the three nodes crawl them at once and must share the host's delay.
        var nation = SimulatedNation.Build(3, 1, RepositoryPaths.Seeds, Path.Combine(RepositoryPaths.Fixtures, "formats"));
        await using var site = await SimulatedNationServer.StartAsync(nation, CancellationToken.None);
        var entries = LoadCrawl.Sources(nation, site).ToDictionary(s => s.Id, s => new Uri(s.StartUrls[0]).AbsolutePath);
        var sourcesFile = Path.Combine(_directory, "sources.json");
        await SimulatedSourcesFile.WriteAsync(nation, site, sourcesFile, CancellationToken.None, Every20Seconds);
        var received = new List<string>();
        await using var hook = await ScriptedHttpServer.StartAsync(request =>
        {
            lock (received) received.Add(request.Text);
            return (200, "{}");
        });

        for (var i = 1; i <= 3; i++) _workers.Add(Worker.Start(_directory, i, sourcesFile, new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = connectionString,
            ["Scheduler__Clustered"] = "true",
            ["Fetch__PerHostDelay"] = PerHostDelay.ToString(),
            ["Alerts__Webhook__Url"] = new Uri(hook.Url, "/hook").AbsoluteUri,
            ["Alerts__Events"] = "new-report",
            ["Alerts__PollInterval"] = "00:00:01",
            ["Elasticsearch__Url"] = null,
        }));
        foreach (var worker in _workers) await worker.WaitForAsync("调度 (schedule)", TimeSpan.FromSeconds(90));

        // The first fire time with every node up, then the one the kill falls after, then two more for the survivors.
        var first = NextFire(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        await UntilAsync(async () => await RunsSinceAsync(connectionString, first) >= 3 && await DeliveredAlertsAsync(connectionString) == 3,
            first + TimeSpan.FromSeconds(20), "the first fire's three crawls and their three alerts");
        // Kill the node holding the next fire's triggers (Quartz acquires them up to 30 s ahead), so that its death is
        // what the others must recover from; worker-1 when none holds them yet.
        var holder = await AcquiringNodeAsync(connectionString, first + Window - TimeSpan.FromSeconds(3));
        var killed = _workers.FirstOrDefault(w => w.Name == holder) ?? _workers[0];
        output.WriteLine($"killing {killed.Name} (holder of acquired triggers: {holder ?? "none"})");
        Assert.True(holder is null || holder == killed.Name, $"the Quartz instance {holder} is not named after its node");
        killed.Process.Kill(entireProcessTree: true);
        await killed.Process.WaitForExitAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var last = first + 2 * Window;
        await UntilAsync(async () => await RunsSinceAsync(connectionString, first) >= 9, last + TimeSpan.FromSeconds(20),
            "three fires' nine crawls by the survivors");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate crawl of the last fire would show by now

        var log = site.Log.ToList();
        var diagnosis = Diagnosis(log, entries, killedAt);
        output.WriteLine($"first fire {first:HH:mm:ss}, last {last:HH:mm:ss}; {diagnosis}");
        foreach (var worker in _workers) output.WriteLine(worker.Output);
        foreach (var (source, path) in entries)
        {
            var windows = log.Where(r => r.Path == path).GroupBy(r => WindowOf(r.At)).ToDictionary(g => g.Key, g => g.Count());
            for (var fire = first; fire <= last; fire += Window)
                Assert.True(windows.GetValueOrDefault(fire) == 1, $"{source} entry page asked {windows.GetValueOrDefault(fire)} times for the fire at {fire:HH:mm:ss}\n{diagnosis}");
            Assert.True(windows.Values.All(n => n == 1), $"{source}: some fire time crawled twice\n{diagnosis}");
        }
        Assert.Contains(log, r => r.At > killedAt + Window); // the survivors crawl on after the kill
        Assert.All(_workers.Where(w => w != killed), w => Assert.False(w.Process.HasExited, w.Output));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.Equal("3 3 3", await ScalarAsync(connection,
            "SELECT count(*) || ' ' || count(DISTINCT (report_id, sha256)) || ' ' || count(DISTINCT report_id) FROM report_versions"));
        Assert.Equal("3 3", await ScalarAsync(connection,
            "SELECT count(*) || ' ' || count(DISTINCT idempotency_key) FROM outbox WHERE topic LIKE 'alert:%'"));
        lock (received)
        {
            Assert.Equal(3, received.Count);
            Assert.Equal(3, received.Distinct().Count());
        }

        // `crawler status` on the shared folder reads the next runs from the clustered schedule on PostgreSQL.
        var status = await CrawlerProcess.RunAsync(_directory, new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = connectionString,
            ["Elasticsearch__Url"] = null,
        }, "status", "--data", "data", "--format", "json");
        Assert.True(status.ExitCode == 0, status.ToString());
        var statusRows = System.Text.Json.Nodes.JsonNode.Parse(status.Output)!.AsArray();
        Assert.Equal(entries.Keys.Order(), statusRows.Select(r => r!["sourceId"]!.GetValue<string>()).Order());
        Assert.All(statusRows, r => Assert.Equal("scheduler", r!["nextRunFrom"]?.GetValue<string>()));
        Assert.All(statusRows, r => Assert.True(r!["nextRun"]!.GetValue<DateTimeOffset>() > last, status.Output));

        // Politeness across the nodes: the one host never saw two requests closer than the delay.
        var arrivals = log.Select(r => r.At).Order().ToList();
        var closest = arrivals.Skip(1).Select((at, i) => at - arrivals[i]).Min();
        output.WriteLine($"{log.Count} requests at the one host, closest two {closest.TotalMilliseconds:0.0} ms apart");
        Assert.True(closest >= PerHostDelay - TimeSpan.FromMilliseconds(2), $"two requests {closest.TotalMilliseconds:0.0} ms apart at one host\n{diagnosis}");
    }

    private static DateTimeOffset NextFire(DateTimeOffset after) => WindowOf(after) + Window;

    private static DateTimeOffset WindowOf(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % Window.Ticks, TimeSpan.Zero);

    private static string Diagnosis(List<SimulatedRequest> log, Dictionary<string, string> entries, DateTimeOffset killedAt) =>
        $"killed at {killedAt:HH:mm:ss.fff}; entry requests: " + string.Join(", ", log.Where(r => entries.ContainsValue(r.Path))
            .Select(r => $"{entries.First(e => e.Value == r.Path).Key}@{r.At:HH:mm:ss.fff}"));

    private static async Task<long> RunsSinceAsync(string connectionString, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM crawl_runs WHERE started_at >= @since", connection);
        command.Parameters.AddWithValue("since", since.UtcDateTime);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The node (Quartz instance, named after Storage__NodeName) holding acquired triggers, waiting for one until <paramref name="deadline"/>.</summary>
    private static async Task<string?> AcquiringNodeAsync(string connectionString, DateTimeOffset deadline)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT min(instance_name) FROM qrtz_fired_triggers WHERE state = 'ACQUIRED'", connection);
            if (await command.ExecuteScalarAsync() is string node) return node;
            if (DateTimeOffset.UtcNow > deadline) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static async Task<long> DeliveredAlertsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE topic LIKE 'alert:%' AND status = 'Delivered'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private async Task UntilAsync(Func<Task<bool>> done, DateTimeOffset deadline, string what)
    {
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"waited until {deadline:HH:mm:ss} for {what}\n" + string.Join("\n", _workers.Select(w => w.Output)));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static string Admin => Environment.GetEnvironmentVariable(PostgresClusterFactAttribute.EnvironmentVariable)!;

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers) worker.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (_database is not null) await AdminAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One <c>crawler run</c> node (worker-N, its own web port), its output collected as it comes.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly StringBuilder _output = new();

        private Worker(Process process, string name)
        {
            Process = process;
            Name = name;
        }

        public Process Process { get; }

        public string Name { get; }

        public string Output
        {
            get
            {
                lock (_output) return $"--- {Name}\n{_output}";
            }
        }

        public static Worker Start(string directory, int index, string sourcesFile, Dictionary<string, string?> environment)
        {
            var name = $"worker-{index}";
            environment = new Dictionary<string, string?>(environment)
            {
                ["Storage__NodeName"] = name,
                ["Web__BindAddress"] = "127.0.0.1",
                ["Web__Port"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            };
            var worker = new Worker(CrawlerProcess.Start(directory, environment, "run", "--sources", sourcesFile, "--data", "data"), name);
            worker.Process.OutputDataReceived += (_, e) => worker.Append(e.Data);
            worker.Process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
            worker.Process.BeginOutputReadLine();
            worker.Process.BeginErrorReadLine();
            return worker;
        }

        public async Task WaitForAsync(string text, TimeSpan timeout)
        {
            var deadline = DateTimeOffset.UtcNow + timeout;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (Process.HasExited || DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"{Name} did not print \"{text}\"\n{Output}");
                await Task.Delay(100);
            }
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            Process.Dispose();
        }
    }
}

/// <summary>Needs the throw-away PostgreSQL cluster of tests/pg-cluster.sh (CRAWLER_TEST_POSTGRES): skipped with the reason otherwise.</summary>
internal sealed class PostgresClusterFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "CRAWLER_TEST_POSTGRES";

    public PostgresClusterFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)))
            Skip = $"PostgreSQL not available: {EnvironmentVariable} is not set (tests/run.sh sets it after starting a throw-away cluster)";
    }
}
