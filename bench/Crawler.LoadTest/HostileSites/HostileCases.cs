using System.Globalization;
using System.Text;
using Crawler.LoadTest.Memory;
using Crawler.Pipeline.Sources;
using Microsoft.AspNetCore.Http;

namespace Crawler.LoadTest.HostileSites;

/// <summary>
/// The five cases of the issue's "Done when", each a site on 127.0.9.N crawled by the real crawler with its defaults:
/// a million declared pages, 50,000 report + 50,000 下一页 links on one page, a 30 MB report page, 50,000 levels of
/// nesting, and a server that never answers beside two normal sources.
/// </summary>
public static class HostileCases
{
    private const int Mb = 1024;

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new(1, "1,000,000 declared pages", "peak < 400 MB", TimeSpan.FromMinutes(10), MillionDeclaredPagesAsync),
        new(2, "50,000 report + 50,000 下一页 links on one page", "peak < 400 MB", TimeSpan.FromMinutes(15), WidePageAsync),
        new(3, "30 MB report page", "peak < 600 MB, stored or quarantined with its reason", TimeSpan.FromMinutes(10), HugeReportAsync),
        new(4, "50,000 levels of nesting", "crawl < 60 s", TimeSpan.FromMinutes(5), DeepNestingAsync),
        new(5, "server that never answers + 2 normal sources", "stuck source ≤ 300 s, others store their reports", TimeSpan.FromMinutes(15), StalledServerAsync),
    ];

    private static string Address(int number) => $"127.0.9.{number}";

    private static Source Hostile(HostileSite site, string id, string agency, string startPath) => new()
    {
        Id = id, Agency = agency, Region = "模拟省", StartUrls = [site.Url(startPath).AbsoluteUri], AllowPrivateNetwork = true, Verified = true,
    };

    private static Task Robots(HttpContext context) => HostileSite.Bytes(context, "User-agent: *\nDisallow: /admin/\n"u8.ToArray(), "text/plain; charset=utf-8");

    /// <summary>Exit 0, 1 (some sources failed) or 3 (all failed): the crawl ran to its summary; anything else is a crash or the kill.</summary>
    private static bool Finished(MeasuredCrawl crawl) => crawl.ExitCode is 0 or 1 or 3;

    private static bool Under(MeasuredCrawl crawl, int limitMb) => crawl.PeakRssKb < limitMb * Mb;

    private static string Ended(MeasuredCrawl crawl) => Finished(crawl) ? "" : $"crawler exit {crawl.ExitCode} (crashed or killed); ";

    private static IEnumerable<string> Limits(SourceRun? run) => run?.Problems.Where(p => p.Contains("(Discovery:", StringComparison.Ordinal) || p.Contains("(Crawl:", StringComparison.Ordinal)) ?? [];

    private static string Keys(IEnumerable<string> limits) =>
        string.Join(", ", limits.Select(l => l[(l.LastIndexOf('(') + 1)..].TrimEnd(')')).Distinct());

    private static List<string> Lines(SourceRun? run, params string[] more) => [.. more, .. run?.Problems ?? ["no crawl_runs row for the source"]];

    private static async Task<PreparedCase> MillionDeclaredPagesAsync(HostilePages pages)
    {
        const string agency = "百万页测试局";
        var report = pages.Report(agency);
        var site = await HostileSite.StartAsync(Address(1), c => c.Request.Path.Value switch
        {
            "/robots.txt" => Robots(c),
            "/zfxxgknb/index.html" => HostileSite.Html(c, HostilePages.TrsList([("/zfxxgknb/202401/t20240125_1.html", HostilePages.ReportTitle(agency))], 1_000_000, 0)),
            "/zfxxgknb/202401/t20240125_1.html" => HostileSite.Html(c, report),
            { } path when path.StartsWith("/zfxxgknb/index_", StringComparison.Ordinal)
                && int.TryParse(path["/zfxxgknb/index_".Length..^".html".Length], CultureInfo.InvariantCulture, out var n) => HostileSite.Html(c, HostilePages.TrsList([], 1_000_000, n)),
            _ => HostileSite.NotFound(c),
        });
        var source = Hostile(site, "million-pages", agency, "/zfxxgknb/index.html");
        return new PreparedCase([source], [site], (crawl, record) =>
        {
            var run = record.Run(source.Id);
            var limit = Limits(run).FirstOrDefault(l => l.Contains("(Discovery:MaxDeclaredPages)", StringComparison.Ordinal));
            var declared = limit?.Contains("declares 1000000 pages", StringComparison.Ordinal) == true;
            var outcome = Ended(crawl) + $"{site.Hits("/zfxxgknb/index")} list pages fetched, {run?.NewReports ?? 0} new report; "
                + (limit is null ? "NO Discovery:MaxDeclaredPages line" : limit[(limit.IndexOf("declares", StringComparison.Ordinal))..]);
            return new Verdict(Finished(crawl) && Under(crawl, 400) && declared, outcome, Lines(run));
        });
    }

    private static async Task<PreparedCase> WidePageAsync(HostilePages pages)
    {
        const string agency = "宽页测试局";
        // The source's own agency on every link, numbered as in BoundedFrontierTests (another agency's report is not followed).
        static string Title(int i) => $"{HostilePages.ReportTitle(agency)}（第{i}号）";
        var wide = Encoding.UTF8.GetBytes(HostilePages.WideList(Title, 50_000, 50_000));
        var emptyList = SimulatedMarkup.List("政府信息公开年报", []);
        var site = await HostileSite.StartAsync(Address(2), c => c.Request.Path.Value switch
        {
            "/robots.txt" => Robots(c),
            "/wide/index.html" => HostileSite.Bytes(c, wide, "text/html; charset=utf-8"),
            { } path when path.StartsWith("/wide/t", StringComparison.Ordinal)
                && int.TryParse(path["/wide/t".Length..^".html".Length], CultureInfo.InvariantCulture, out var i) => HostileSite.Html(c, pages.Report(agency, i, title: Title(i))),
            { } path when path.StartsWith("/wide/p", StringComparison.Ordinal) => HostileSite.Html(c, emptyList),
            _ => HostileSite.NotFound(c),
        });
        var source = Hostile(site, "wide-page", agency, "/wide/index.html");
        return new PreparedCase([source], [site], (crawl, record) =>
        {
            var run = record.Run(source.Id);
            var limits = Limits(run).ToList();
            var outcome = Ended(crawl) + $"page of {wide.Length / 1048576.0:0.0} MB; {site.Hits("/wide/t")} report pages and {site.Hits("/wide/p")} 下一页 pages fetched, "
                + $"{run?.NewReports ?? 0} new report(s), {run?.NewVersions ?? 0} new versions, {run?.Documents ?? 0} documents; limits: {(limits.Count == 0 ? "NONE" : Keys(limits))}";
            return new Verdict(Finished(crawl) && Under(crawl, 400) && limits.Any(l => l.Contains("links 50000", StringComparison.Ordinal)), outcome,
                Lines(run, $"{wide.Length} bytes"));
        });
    }

    private static async Task<PreparedCase> HugeReportAsync(HostilePages pages)
    {
        const string agency = "大页面测试局";
        var big = pages.PaddedReport(agency, 30 * 1024 * 1024);
        const string bigPath = "/ndbg/202401/t20240125_30mb.html";
        var list = SimulatedMarkup.List("政府信息公开年度报告", [(bigPath, HostilePages.ReportTitle(agency))]);
        var site = await HostileSite.StartAsync(Address(3), c => c.Request.Path.Value switch
        {
            "/robots.txt" => Robots(c),
            "/ndbg/index.html" => HostileSite.Html(c, list),
            bigPath => HostileSite.Bytes(c, big, "text/html; charset=utf-8"),
            _ => HostileSite.NotFound(c),
        });
        var source = Hostile(site, "huge-report", agency, "/ndbg/index.html");
        return new PreparedCase([source], [site], (crawl, record) =>
        {
            var run = record.Run(source.Id);
            var end = record.Document(site.Url(bigPath));
            var kept = end is not null && (end.StoredAsReport || end.Status == "Failed" && !string.IsNullOrWhiteSpace(end.Detail));
            var outcome = Ended(crawl) + $"{big.Length / 1048576.0:0.0} MB page: " + (end?.Describe() ?? "NO processing row (never archived: fetch failed or dropped)");
            return new Verdict(Finished(crawl) && Under(crawl, 600) && kept, outcome, Lines(run));
        });
    }

    private static async Task<PreparedCase> DeepNestingAsync(HostilePages pages)
    {
        const string agency = "深层嵌套测试局";
        var deep = Encoding.UTF8.GetBytes(pages.NestedReport(agency, 50_000));
        const string deepPath = "/ndbg/202401/t20240125_deep.html";
        var list = SimulatedMarkup.List("政府信息公开年度报告", [(deepPath, HostilePages.ReportTitle(agency))]);
        var site = await HostileSite.StartAsync(Address(4), c => c.Request.Path.Value switch
        {
            "/robots.txt" => Robots(c),
            "/ndbg/index.html" => HostileSite.Html(c, list),
            deepPath => HostileSite.Bytes(c, deep, "text/html; charset=utf-8"),
            _ => HostileSite.NotFound(c),
        });
        var source = Hostile(site, "deep-nesting", agency, "/ndbg/index.html");
        return new PreparedCase([source], [site], (crawl, record) =>
        {
            var run = record.Run(source.Id);
            var end = record.Document(site.Url(deepPath));
            var outcome = Ended(crawl) + $"{deep.Length / 1024} kB page, report 50,000 <div> deep: " + (end?.Describe() ?? "NO processing row")
                + (run is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; source took {run.Elapsed.TotalSeconds:0.0} s"));
            return new Verdict(Finished(crawl) && crawl.Elapsed < TimeSpan.FromSeconds(60) && end is not null, outcome, Lines(run));
        });
    }

    private static async Task<PreparedCase> StalledServerAsync(HostilePages pages)
    {
        var nation = SimulatedNation.Build(2, 2, Path.Combine(AppContext.BaseDirectory, "samples", "seeds"), Path.Combine(AppContext.BaseDirectory, "formats"));
        var server = await SimulatedNationServer.StartAsync(nation, CancellationToken.None);
        var site = await HostileSite.StartAsync(Address(5), HostileSite.NeverAnswer);
        var normal = LoadCrawl.Sources(nation, server);
        var stuck = Hostile(site, "never-answers", "无响应测试局", "/zfxxgknb/index.html");
        return new PreparedCase([stuck, .. normal], [site, server], (crawl, record) =>
        {
            var run = record.Run(stuck.Id);
            var others = normal.Select(s => record.Run(s.Id)).ToList();
            var stored = others.Sum(r => r?.NewReports ?? 0);
            var inTime = run is not null && run.Elapsed <= TimeSpan.FromMinutes(5);
            var outcome = Ended(crawl) + (run is null ? "NO run recorded for the stuck source"
                    : string.Create(CultureInfo.InvariantCulture, $"stuck source ended after {run.Elapsed.TotalSeconds:0} s ({run.Outcome}, {run.Problems.Count} problem line(s)); "))
                + string.Create(CultureInfo.InvariantCulture, $"normal sources: {stored} of {nation.ExpectedReports} reports stored in {others.Max(r => r?.Elapsed.TotalSeconds ?? 0):0.0} s; {site.Hits("/")} requests reached the silent server");
            return new Verdict(Finished(crawl) && inTime && run!.Problems.Count > 0 && stored == nation.ExpectedReports, outcome,
                Lines(run, [.. others.Select(r => r is null ? "a normal source has no run" : $"{r.SourceId}: {r.Outcome}, {r.NewReports} new, {r.Failures} failures")]));
        });
    }
}
