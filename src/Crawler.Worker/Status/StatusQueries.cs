using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Worker.Hosting;

namespace Crawler.Worker.Status;

/// <summary>Reads what the status pages show from the store, the crawl history and the configured sources.</summary>
internal sealed class StatusQueries(
    IReportStore store,
    IReportStatistics statistics,
    ICrawlHistory history,
    IEnumerable<Source> sources,
    IConfiguration configuration,
    TimeProvider time)
{
    private static readonly Dictionary<string, string> OutcomeColors = new(StringComparer.Ordinal)
    {
        ["予以公开"] = "#2e7d32", ["部分公开"] = "#7cb342", ["不予公开"] = "#d84315",
        ["无法提供"] = "#f9a825", ["不予处理"] = "#6d4c41", ["其他处理"] = "#5c6bc0",
    };

    /// <summary>
    /// Table 3's request counts summed for the overview charts: received, then the outcome groups, each with the
    /// result rows of every template (其他处理: the three 2021 rows and the 2019 single row), from the declarations.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Color, string[] Rows)> Outcomes =
    [
        .. ReportTemplates.AllTables.Where(t => t.Key == ReportSchema.ApplicationsKey)
            .SelectMany(t => t.Rows).Where(r => r.IsResult).DistinctBy(r => r.Key)
            .GroupBy(r => r.Group == ReportSchema.ResultGroup ? r.Label.Split('（')[0] : r.Group ?? r.Label)
            .Select(g => (g.Key, OutcomeColors.GetValueOrDefault(g.Key, "#757575"), g.Select(r => r.Key).ToArray())),
    ];

    public static IReadOnlyList<string> TotalKeys { get; } =
        ["applications.newReceived.total", .. Outcomes.SelectMany(o => o.Rows).Select(r => $"applications.{r}.total")];

    private readonly IReadOnlyList<Source> _sources = sources.DistinctBy(s => s.Id).ToList();

    private ComplianceDeadlines Deadlines() => new(CrawlerConfiguration.Bind<ComplianceOptions>(configuration, ComplianceOptions.SectionName),
        CrawlerConfiguration.Bind<AlertOptions>(configuration, AlertOptions.SectionName).Deadline);

    public async Task<OverviewModel> OverviewAsync(int? year, string? region, ComplianceStatus? status, CancellationToken cancellationToken)
    {
        var totals = await statistics.YearTotalsAsync(TotalKeys, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var defaultYear = totals.Count > 0 ? totals.Max(t => t.Year) : now.ToOffset(TimeSpan.FromHours(8)).Year - 1;
        var chosen = year ?? defaultYear;
        var rows = await ComplianceQuery.LoadAsync(store, chosen, _sources, Deadlines(), cancellationToken).ConfigureAwait(false);
        var regions = rows.Select(r => r.Region).OfType<string>().SelectMany(r => new[] { Province(r), r }).Distinct().Order(StringComparer.Ordinal).ToList();
        var filtered = rows.Where(r => (string.IsNullOrEmpty(region) || (r.Region ?? "").StartsWith(region, StringComparison.Ordinal)) && (status is null || r.Status == status)).ToList();
        return new OverviewModel
        {
            Year = chosen,
            Years = [.. totals.Select(t => t.Year).Append(chosen).Distinct().Order()],
            AllRows = rows,
            Rows = filtered,
            Region = region,
            Status = status,
            Regions = regions,
            YearTotals = totals,
            CrawlStates = await CrawlStatesAsync(rows, now, cancellationToken).ConfigureAwait(false),
            Now = now,
        };
    }

    public async Task<AgencyModel?> AgencyAsync(string sourceId, CancellationToken cancellationToken)
    {
        var source = _sources.FirstOrDefault(s => s.Id == sourceId);
        var all = await store.ListVersionsAsync(new ReportFilter { Agency = source?.Agency }, cancellationToken).ConfigureAwait(false);
        var versions = all.Where(v => v.SourceId == sourceId || (source is not null && v.Agency == source.Agency)).ToList();
        if (source is null && versions.Count == 0) return null;
        versions = [.. CarryOverCheck.Refresh(versions, versions)];
        var agency = source?.Agency ?? versions[0].Agency;
        var region = source?.Region ?? versions[0].Region;
        var deadlines = Deadlines();
        var lookup = source ?? new Source { Id = sourceId, Agency = agency, Region = region, StartUrls = [] };
        var dueYear = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year - 1;
        var years = versions.Select(v => v.Year).Append(dueYear).Distinct().OrderDescending();
        var filed = versions.Select(v => v with { SourceId = sourceId }).ToList();
        var rows = years.Select(y => ComplianceList.Build(y, [lookup], filed, deadlines)[0]).ToList();
        var states = await history.StatesAsync(cancellationToken).ConfigureAwait(false);
        return new AgencyModel
        {
            SourceId = sourceId,
            Agency = agency,
            Region = region,
            Years = rows,
            Versions = versions,
            Crawl = new CrawlStateLine(sourceId, agency, states.FirstOrDefault(s => s.SourceId == sourceId), source is null ? null : NextRun.After(source, time.GetUtcNow())),
        };
    }

    /// <summary>A version of the agency's reports and the version before it of the same report.</summary>
    public static ChangesModel? Changes(AgencyModel agency, long versionId)
    {
        var current = agency.Versions.FirstOrDefault(v => v.VersionId == versionId);
        var previous = current is null ? null : agency.Versions.Where(v => v.ReportId == current.ReportId && v.Version < current.Version).MaxBy(v => v.Version);
        return current is null || previous is null ? null : new ChangesModel(previous, current);
    }

    /// <summary>Where an archived document was found and as what (only processed documents: reports and their pages).</summary>
    public async Task<DocumentContext?> ArchivedAsync(string sha256, CancellationToken cancellationToken) =>
        (await store.FindProcessingAsync(sha256, cancellationToken).ConfigureAwait(false))?.Context;

    private async Task<IReadOnlyList<CrawlStateLine>> CrawlStatesAsync(IReadOnlyList<ComplianceRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = (await history.StatesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.SourceId);
        var lines = _sources.Select(s => new CrawlStateLine(s.Id, s.Agency, states.GetValueOrDefault(s.Id), NextRun.After(s, now))).ToList();
        var configured = lines.Select(l => l.SourceId).ToHashSet();
        var agencies = rows.Where(r => r.SourceId is not null).GroupBy(r => r.SourceId!).ToDictionary(g => g.Key, g => g.First().Agency);
        lines.AddRange(states.Values.Where(s => !configured.Contains(s.SourceId))
            .Select(s => new CrawlStateLine(s.SourceId, agencies.GetValueOrDefault(s.SourceId) ?? s.SourceId, s, null)));
        return lines;
    }

    /// <summary>The province-level part of a region (山东省聊城市 → 山东省; 北京市海淀区 → 北京市; 内蒙古自治区… → 内蒙古自治区).</summary>
    public static string Province(string region) => Crawler.Pipeline.Compliance.Regions.Province(region);
}
