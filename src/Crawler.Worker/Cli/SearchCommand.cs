using Crawler.Reports.Model;
using System.CommandLine;
using System.Globalization;
using Crawler.Pipeline.Search;
using Crawler.Reports.Validation;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler search &lt;query&gt;</c>: full-text search over the stored reports (latest versions), best first,
/// each hit with a snippet whose matches are marked 【like this】. Terms separated by spaces must all match; a
/// quoted phrase is one term. A query of one character is refused with the reason, and nothing is guessed for it.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find, e.g. 复议, 商务 2023年 or a quoted phrase \"行政 复议\" (each term at least two characters)." };
        var data = DataDirectoryOption.Create();
        var agency = new Option<string?>("--agency") { Description = "Only agencies whose name contains this text." };
        var region = new Option<string?>("--region") { Description = "Only regions containing this text (e.g. 山东省)." };
        var year = new Option<int?>("--year") { Description = "Only reports on this year." };
        var finding = FindingOption();
        var limit = new Option<int>("--limit") { Description = "At most this many hits (1–500).", DefaultValueFactory = _ => 20 };
        var allVersions = new Option<bool>("--all-versions") { Description = "Also search superseded versions." };
        var command = new Command("search", "Search the stored reports' text (Chinese-aware).") { query, data, agency, region, year, finding, limit, allVersions };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = DataDirectoryOption.Open(parseResult, data);
            var results = await services.GetRequiredService<IReportSearch>().SearchAsync(new SearchQuery(parseResult.GetValue(query) ?? "")
            {
                Agency = parseResult.GetValue(agency),
                Region = parseResult.GetValue(region),
                Year = parseResult.GetValue(year),
                FindingCode = parseResult.GetValue(finding),
                Limit = parseResult.GetValue(limit),
                AllVersions = parseResult.GetValue(allVersions),
            }, cancellationToken);
            if (!results.Succeeded) throw CommandError.Usage(results.Error!);
            var output = parseResult.InvocationConfiguration.Output;
            var rank = 0;
            foreach (var hit in results.Hits)
            {
                var findings = hit.FindingCodes.Count == 0 ? "" : $" [{string.Join(' ', hit.FindingCodes)}]";
                await output.WriteLineAsync($"{++rank}. {hit.Agency} {hit.Year}年 第{hit.Version}版 (score {Score(hit.Score)}){findings}");
                await output.WriteLineAsync("   " + hit.DocumentUrl.AbsoluteUri + (hit.PageUrl is null ? "" : "  (页面 " + hit.PageUrl.AbsoluteUri + ")"));
                await output.WriteLineAsync("   " + hit.Snippet);
            }
            await output.WriteAsync(Summary(results));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--finding CODE, checked against the known codes (an unknown one is an error that lists them, not an empty result).</summary>
    internal static Option<string?> FindingOption()
    {
        var finding = new Option<string?>("--finding") { Description = "Only reports with a finding of this code: " + string.Join(", ", FindingCodes.All) + "." };
        finding.Validators.Add(result =>
        {
            var code = result.GetValueOrDefault<string?>();
            if (code is not null && !FindingCodes.All.Contains(code.Trim().ToUpperInvariant()))
            {
                result.AddError($"未知的发现代码「{code}」(unknown finding code); 可用的代码 (known codes): {string.Join(", ", FindingCodes.All)}");
            }
        });
        return finding;
    }

    /// <summary>bm25 as a plain decimal number with three significant digits (0.00000187, 12.3), never 1.87E-06.</summary>
    internal static string Score(double score)
    {
        if (score == 0 || !double.IsFinite(score)) return "0";
        var digits = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(score))), 0, 15);
        return Math.Round(score, digits).ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>The closing count; past the ranking cap it is "at least" and the hits are the best of the newest matches.</summary>
    internal static string Summary(SearchResults results)
    {
        var total = results.TotalIsLowerBound ? $"{results.Total}+" : $"{results.Total}";
        var summary = string.Create(CultureInfo.InvariantCulture, $"{results.Hits.Count} / {total} 条结果 (hits)") + Environment.NewLine;
        if (!results.TotalIsLowerBound) return summary;
        return summary + string.Create(CultureInfo.InvariantCulture,
            $"   匹配超过 {results.Total} 个版本：排序只在最新的 {results.Total} 个中进行，可加 --year/--agency 缩小范围 (more matches than ranked: best of the newest {results.Total})")
            + Environment.NewLine;
    }
}
