using System.Net;
using System.Text;
using Crawler.Worker.SampleSite;

namespace Crawler.LoadTest;

/// <summary>
/// A generated government web: N agencies spread round-robin over H loopback hosts, in three CMS families
/// (TRS column with createPageHTML index_N paging, Hanweb records in &lt;script type="text/xml"&gt;, a GBK plain
/// list with 下一页). Each agency publishes one annual report — the seed text rendered as an article page, or a
/// DOCX (the seed written as WordprocessingML) or text-PDF fixture attached to an article — next to two look-alikes (工作要点, 解读) that must not count as reports.
/// </summary>
public sealed class SimulatedNation
{
    private SimulatedNation(IReadOnlyList<SimulatedAgency> agencies, IReadOnlyList<Dictionary<string, SimulatedPage>> hosts)
    {
        Agencies = agencies;
        Hosts = hosts;
    }

    public IReadOnlyList<SimulatedAgency> Agencies { get; }

    /// <summary>The pages of each host, by path.</summary>
    public IReadOnlyList<Dictionary<string, SimulatedPage>> Hosts { get; }

    /// <summary>
    /// What a complete first crawl must store as new reports or versions: every agency publishes one, but the PDF
    /// attachments are the five fixture PDFs, and a report's identity comes from its own text (agency, year), so
    /// agencies sharing a fixture PDF share one stored report (the others count as unchanged, same text).
    /// </summary>
    public int ExpectedReports => Agencies.Count(a => a.ReportFormat != "pdf") + Agencies.Where(a => a.ReportFormat == "pdf").Select(a => a.Index % SeedCount).Distinct().Count();

    /// <summary>Documents the crawler must fetch: one report page per agency plus each attachment.</summary>
    public int ExpectedDocuments => Agencies.Count + Agencies.Count(a => a.ReportFormat != "html");

    private int SeedCount { get; init; }

    public static SimulatedNation Build(int agencyCount, int hostCount, string seedsDirectory, string fixturesDirectory)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK");
        var seeds = Directory.GetFiles(seedsDirectory, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var fixtureDirectories = Directory.GetDirectories(fixturesDirectory).Where(d => File.Exists(Path.Combine(d, "report.pdf"))).Order(StringComparer.Ordinal).ToArray();
        byte[] Fixture(int seed, string name) => File.ReadAllBytes(Path.Combine(fixtureDirectories[seed % fixtureDirectories.Length], name));
        var pdf = Enumerable.Range(0, fixtureDirectories.Length).Select(s => Fixture(s, "report.pdf")).ToArray();

        var hosts = Enumerable.Range(0, hostCount).Select(_ => new Dictionary<string, SimulatedPage>(StringComparer.Ordinal)).ToList();
        var agencies = new List<SimulatedAgency>(agencyCount);
        foreach (var host in hosts) host["/robots.txt"] = new(Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /admin/\n"), "text/plain; charset=utf-8");
        for (var i = 0; i < agencyCount; i++)
        {
            var seed = i % seeds.Length;
            var name = $"模拟第{i:00000}号县商务局";
            var title = $"{name}2023年政府信息公开工作年度报告";
            var slug = $"a{i:00000}";
            var format = (i % 10) switch { 3 => "docx", 7 => "pdf", _ => "html" };
            var pages = hosts[i % hostCount];
            var family = (i % 3) switch { 0 => "trs", 1 => "hanweb", _ => "gbk-list" };
            var charset = family == "gbk-list" ? "gbk" : "utf-8";
            SimulatedPage Page(string html) => charset == "gbk" ? new(gbk.GetBytes(html), "text/html; charset=gbk") : new(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

            var (column, report, plan, reading) = family switch
            {
                "trs" => ($"/{slug}/zfxxgknb/index.html", $"/{slug}/zfxxgknb/202401/t20240125_{i}.html", $"/{slug}/zfxxgknb/202401/t20240120_{i}.html", $"/{slug}/zfxxgknb/202401/t20240126_{i}.html"),
                "hanweb" => ($"/{slug}/col/col{i}/index.html", $"/{slug}/art/2024/1/20/art_{i}_1.html", $"/{slug}/art/2024/1/21/art_{i}_2.html", $"/{slug}/art/2024/1/22/art_{i}_3.html"),
                _ => ($"/{slug}/ndbg/1.html", $"/{slug}/ndbg/content_{i}_1.html", $"/{slug}/ndbg/content_{i}_2.html", $"/{slug}/ndbg/content_{i}_3.html"),
            };
            var planTitle = $"{name}2024年政务公开工作要点";
            var readingTitle = $"《{title}》解读";
            switch (family)
            {
                case "trs":
                    pages[column] = Page(SimulatedMarkup.List("政府信息公开年报", [(report, title), (plan, planTitle)], "<script>var countPage = 2; createPageHTML(countPage, 0, \"index\", \"html\");</script>"));
                    pages[$"/{slug}/zfxxgknb/index_1.html"] = Page(SimulatedMarkup.List("政府信息公开年报", [(reading, readingTitle)], "<script>var countPage = 2; createPageHTML(countPage, 1, \"index\", \"html\");</script>"));
                    break;
                case "hanweb":
                    pages[column] = Page(SimulatedMarkup.HanwebColumn([(report, title), (plan, planTitle), (reading, readingTitle)]));
                    break;
                default:
                    pages[column] = Page(SimulatedMarkup.List("政府信息公开年度报告", [(plan, planTitle)], $"<div><a href=\"/{slug}/ndbg/2.html\">下一页</a></div>", charset));
                    pages[$"/{slug}/ndbg/2.html"] = Page(SimulatedMarkup.List("政府信息公开年度报告", [(report, title), (reading, readingTitle)], $"<div><a href=\"/{slug}/ndbg/1.html\">上一页</a></div>", charset));
                    break;
            }
            pages[plan] = Page(SimulatedMarkup.Article(planTitle, "一、加强主动公开……", charset));
            pages[reading] = Page(SimulatedMarkup.Article(readingTitle, "一图读懂……", charset));
            if (format == "html")
            {
                pages[report] = Page(SeedReportPage.Render(title, seeds[seed], new DateOnly(2024, 1, 25), charset: charset));
            }
            else
            {
                var attachment = $"/{slug}/files/P020240131_{i}.{format}";
                pages[report] = Page(SimulatedMarkup.Article(title, $"现将{title}公布如下，详见附件。", charset,
                    $"<p>附件：<a href=\"{attachment}\">{WebUtility.HtmlEncode(title)}.{format}</a></p>"));
                // Every agency's file must differ, as on real sites: identical bytes are archived once and count as unchanged.
                pages[attachment] = format == "pdf"
                    ? new([.. pdf[seed], .. Encoding.ASCII.GetBytes($"\n% agency {i}\n")], "application/pdf")
                    : new(MinimalDocx.Create(SeedReportPage.Lines(seeds[seed]).Prepend(title)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            agencies.Add(new SimulatedAgency(i, $"sim-{slug}", name, i % hostCount, column, family, format));
        }
        // A portal page per host linking every column, so wget --mirror can reach the same site from "/".
        for (var h = 0; h < hostCount; h++)
            hosts[h]["/"] = new(Encoding.UTF8.GetBytes(SimulatedMarkup.List("模拟政府门户", agencies.Where(a => a.Host == h).Select(a => (a.ColumnPath, a.Name + "年报栏目")))), "text/html; charset=utf-8");
        return new SimulatedNation(agencies, hosts) { SeedCount = seeds.Length };
    }
}
