using Crawler.Worker.Tests.Compliance;
using Crawler.Worker.Tests.Deployment;
using Microsoft.Playwright;

namespace Crawler.Worker.Tests.Status;

/// <summary>
/// The status page as a person sees it in headless Chromium: the February site's three agencies — one late by six
/// days, one on time, one without a report — labelled in Chinese, filtered by region and status through the form,
/// the agency page with its archived original, nothing fetched from anywhere but the worker, and screenshots read
/// back by OCR and by their pixels.
/// </summary>
public sealed class StatusPageBrowserTests(StatusSite site) : IClassFixture<StatusSite>
{
    [RequiresToolFact("chromium")]
    public async Task The_default_year_is_the_latest_with_reports_and_each_agency_shows_its_status_in_chinese()
    {
        var (page, _) = await site.OpenAsync("/");

        Assert.Equal("2023 年度报告公开情况", await page.Locator("main h2").First.InnerTextAsync());
        var rows = await Rows(page);
        Assert.Equal(3, rows.Count);
        Assert.Equal(("逾期发布（6 天）", "2024-02-06", "2024-01-31"), (rows[FebruarySite.LateAgency][2], rows[FebruarySite.LateAgency][3], rows[FebruarySite.LateAgency][5]));
        Assert.Equal("页面元数据", rows[FebruarySite.LateAgency][4]);
        Assert.Equal(("按时发布", "2024-01-30"), (rows[FebruarySite.OnTimeAgency][2], rows[FebruarySite.OnTimeAgency][3]));
        Assert.Equal(("未发布", "—"), (rows[FebruarySite.MissingAgency][2], rows[FebruarySite.MissingAgency][3]));
        Assert.Equal("山东省聊城市", rows[FebruarySite.LateAgency][1]);

        Assert.Equal(["1", "1", "1", "0"], await Task.WhenAll(new[] { "onTime", "late", "missing", "unknownDate" }
            .Select(s => page.Locator($"#count-{s} b").InnerTextAsync())));
        // Late and missing per province: 山东省 has one of each, 河南省 neither.
        var shandong = await page.Locator("#by-region tbody tr", new PageLocatorOptions { HasText = "山东省" }).Locator("td").AllInnerTextsAsync();
        Assert.Equal(["山东省", "2", "0", "1", "1", "0"], shandong);
        await page.CloseAsync();
    }

    [RequiresToolFact("chromium")]
    public async Task The_region_and_status_filters_keep_only_the_matching_agencies()
    {
        var (page, _) = await site.OpenAsync("/");

        await page.SelectOptionAsync("select[name=status]", "late");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**status=late**");
        Assert.Equal([FebruarySite.LateAgency], (await Rows(page)).Keys);
        Assert.Contains("显示 1 / 3 个机关", await page.Locator("form.filters").InnerTextAsync());

        await page.SelectOptionAsync("select[name=status]", "");
        await page.SelectOptionAsync("select[name=region]", "山东省");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**region=**");
        Assert.Equal([FebruarySite.MissingAgency, FebruarySite.LateAgency], (await Rows(page)).Keys.Order(StringComparer.Ordinal));

        await page.SelectOptionAsync("select[name=region]", "河南省");
        await page.SelectOptionAsync("select[name=status]", "missing");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**status=missing**");
        Assert.Equal("没有符合条件的机关。", (await page.Locator("#compliance tbody").InnerTextAsync()).Trim());
        // The summary still counts the whole year, not the filtered list.
        Assert.Equal("1", await page.Locator("#count-late b").InnerTextAsync());
        await page.CloseAsync();
    }

    [RequiresToolFact("chromium")]
    public async Task A_year_without_reports_lists_every_agency_as_not_published()
    {
        var (page, _) = await site.OpenAsync("/?year=2022");
        Assert.Equal("2022 年度报告公开情况", await page.Locator("main h2").First.InnerTextAsync());
        var rows = await Rows(page);
        Assert.Equal(3, rows.Count);
        Assert.All(rows.Values, r => Assert.Equal("未发布", r[2]));
        Assert.Equal("2023-01-31", rows[FebruarySite.LateAgency][5]);
        await page.CloseAsync();
    }

    [RequiresToolFact("chromium")]
    public async Task The_agency_page_shows_its_years_versions_crawl_state_and_serves_the_archived_original()
    {
        var (page, _) = await site.OpenAsync("/");
        await page.ClickAsync($"#compliance a:text-is('{FebruarySite.LateAgency}')");
        await page.WaitForURLAsync("**/agency/feb-liaocheng-commerce", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        await page.Locator("#versions tbody tr").First.WaitForAsync();

        var year = await page.Locator("#agency-years tbody tr", new PageLocatorOptions { HasText = "2023" }).Locator("td").AllInnerTextsAsync();
        Assert.Equal(("逾期发布（6 天）", "2024-02-06", "2024-01-31"), (year[1], year[2], year[4]));
        Assert.True(await page.Locator("#figure-charts svg").CountAsync() > 5, "one small chart per figure of tables 2-4");
        var version = await page.Locator("#versions tbody tr").First.Locator("td").AllInnerTextsAsync();
        Assert.Equal("2023", version[0]);
        Assert.StartsWith("1（最新）", version[1]);
        Assert.StartsWith("2024-02-06", version[2]);
        var crawl = await page.Locator("table", new PageLocatorOptions { HasText = "最近检查" }).Last.Locator("tbody td").AllInnerTextsAsync();
        Assert.Equal("feb-liaocheng-commerce", crawl[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", crawl[2]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", crawl[4]);

        var original = await page.Locator("#versions a:text-is('原件')").First.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(new Uri(site.BaseUrl, original).ToString());
        Assert.Equal(200, response.Status);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await response.BodyAsync()));
        Assert.Equal(original!["/archive/".Length..], sha);
        Assert.Equal("sandbox", response.Headers["content-security-policy"]);
        await page.CloseAsync();
    }

    [RequiresToolFact("chromium")]
    public async Task Nothing_is_fetched_from_anywhere_but_the_worker()
    {
        var (page, requests) = await site.OpenAsync("/");
        await page.ClickAsync($"#compliance a:text-is('{FebruarySite.OnTimeAgency}')");
        // The load event (every subresource of the page fetched) and the page's own content, not NetworkIdle: that waits
        // for 500 ms without a request and timed out at 30 s on a loaded CI machine.
        await page.WaitForURLAsync("**/agency/**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
        await page.Locator("#agency-years tbody tr").First.WaitForAsync();
        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.StartsWith(site.BaseUrl.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("script, link[rel=stylesheet], img[src^=http], iframe").CountAsync());
        await page.CloseAsync();
    }

    [RequiresToolFact("chromium")]
    public async Task The_screenshot_shows_the_late_row_in_words_and_its_badge_in_the_late_colour()
    {
        var (page, _) = await site.OpenAsync("/");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.Screenshots, "overview.png"), FullPage = true });
        var row = Path.Combine(site.Screenshots, "late-row.png");
        await page.Locator("#compliance tr[data-status=late]").ScreenshotAsync(new LocatorScreenshotOptions { Path = row });
        var badges = new Dictionary<string, byte[]>();
        foreach (var status in new[] { "late", "onTime", "missing" })
            badges[status] = await page.Locator($"#compliance tr[data-status={status}] .badge").ScreenshotAsync();

        // What a person reads: the agency, the date and the verdict, recognised from the pixels (tesseract chi_sim).
        if (RequiresToolFactAttribute.OnPath("tesseract"))
        {
            var (exit, text, error) = await ToolRun.RunAsync("tesseract", [row, "stdout", "-l", "chi_sim+eng", "--psm", "6"], site.Screenshots);
            Assert.True(exit == 0, error);
            var read = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("聊城市商务局", read);
            Assert.Contains("2024-02-06", read);
            Assert.Contains("逾期发布", read);
        }

        // The colour a person sees on each badge: the dominant pixel of its screenshot, decoded by the browser.
        var colours = new Dictionary<string, string>();
        foreach (var (status, png) in badges) colours[status] = await DominantColourAsync(png);
        Assert.Equal(("#d84315", "#2e7d32", "#b71c1c"), (colours["late"], colours["onTime"], colours["missing"]));
        await page.CloseAsync();
    }

    /// <summary>Each agency's row of the compliance table, keyed by agency: the cells as rendered (innerText).</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> Rows(IPage page)
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var row in await page.Locator("#compliance tbody tr[data-status]").AllAsync())
        {
            var cells = (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
            rows[cells[0]] = cells;
        }
        return rows;
    }

    private async Task<string> DominantColourAsync(byte[] png)
    {
        var page = await site.Browser.NewPageAsync();
        await page.SetContentAsync("<canvas id=c></canvas>");
        var colour = await page.EvaluateAsync<string>("""
            async data => {
              const image = new Image();
              image.src = 'data:image/png;base64,' + data;
              await image.decode();
              const canvas = document.getElementById('c');
              canvas.width = image.width; canvas.height = image.height;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, image.width, image.height).data;
              const counts = new Map();
              for (let i = 0; i < pixels.length; i += 4) {
                const hex = '#' + [pixels[i], pixels[i + 1], pixels[i + 2]].map(v => v.toString(16).padStart(2, '0')).join('');
                counts.set(hex, (counts.get(hex) || 0) + 1);
              }
              return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
            }
            """, Convert.ToBase64String(png));
        await page.CloseAsync();
        return colour;
    }
}
