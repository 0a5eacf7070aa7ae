using Crawler.LoadTest.CrashTest;
using Crawler.Pipeline.Faults;
using Crawler.Tests.Shared;
using Xunit.Abstractions;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>
/// The CI-size crash test (issue 6 §3; the full one is <c>crashtest</c> in bench/Crawler.LoadTest): the real
/// <c>crawler</c> killed with SIGKILL once at each named phase — mid-download, between archive write and rename,
/// after parsing, inside the version's transaction, between commit and queueing, between an alert's delivery and its
/// record, between _bulk's answer and its record — then run to the end. It must end exactly where an uninterrupted
/// crawl of the same simulated web ends, with every alert received once per Idempotency-Key.
/// </summary>
public sealed class NamedPhaseCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_crawl_killed_once_at_every_named_phase_ends_equal_to_an_uninterrupted_one_with_every_alert_once()
    {
        var options = new CrashTestOptions(Kills: CrashPhase.All.Count, Agencies: 12, Hosts: 3, Seed: 20260122, Keep: false)
        {
            IndexBatchSize = 5,
            SeedsDirectory = RepositoryPaths.Seeds,
            FixturesDirectory = Path.Combine(RepositoryPaths.Fixtures, "formats"),
            CrawlerDll = Path.Combine(AppContext.BaseDirectory, "crawler.dll"),
        };
        using var log = new StringWriter();
        var result = await CrashTestRun.RunAsync(options, log, CancellationToken.None);
        CrashTestCommand.Write(log, result);
        output.WriteLine(log.ToString());

        Assert.Equal(CrashPhase.All.Order(StringComparer.Ordinal), result.Kills.Select(k => k.Kill.Phase).Order(StringComparer.Ordinal));
        Assert.All(result.Kills, k => Assert.True(k.Hit, $"{k.Kill.Variable} was not reached"));
        Assert.True(result.Final.Completed, result.Final.ErrorTail);

        Assert.Equal(12, result.ReferenceState.Reports.Count);
        Assert.Equal(result.ReferenceState.Archive, result.CrashedState.Archive);
        Assert.Equal(result.ReferenceState.Reports, result.CrashedState.Reports);
        Assert.Equal(result.ReferenceState.Outbox, result.CrashedState.Outbox);
        Assert.DoesNotContain(result.CrashedState.Outbox, row => !row.Contains(" Delivered ", StringComparison.Ordinal));

        Assert.Equal(12, result.Index.Expected);
        Assert.Equal((result.Index.Lost, result.Index.Unexpected, result.Index.Conflicts), (0, 0, 0));
        // Compliance documents: 12 agencies × (2023, the season's year), each ending with the reference's content.
        Assert.Equal(24, result.Index.ComplianceExpected);
        Assert.Equal(0, result.Index.ComplianceFinalMismatches);
        // The one index kill came after a _bulk (of at most 5) was answered: that batch is sent again, same ids, same content.
        Assert.InRange(result.Index.Resent, 1, 5);

        Assert.True(result.Alerts.Expected >= 12, $"{result.Alerts.Expected} alerts");
        Assert.Equal(result.Alerts.Expected, result.Alerts.Distinct);
        Assert.Equal((result.Alerts.Lost, result.Alerts.Unexpected, result.Alerts.ContentMismatches), (0, 0, 0));
        // The alert kill came after the listener answered 200: that one alert is sent again with the same Idempotency-Key.
        Assert.Equal(1, result.Alerts.Redeliveries);

        Assert.Equal(0, result.CrashedState.LeftoverFiles);
        Assert.True(result.Passed);
    }
}
