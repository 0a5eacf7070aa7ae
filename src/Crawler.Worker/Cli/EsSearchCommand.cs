using System.CommandLine;
using Crawler.Pipeline.Indexing;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler es search TEXT</c> and <c>crawler es count</c>: quick looks at the index from the command line
/// (full text over title, agency, sections, report text and finding messages; latest versions unless --all-versions).
/// </summary>
internal static class EsSearchCommand
{
    public static Command Search()
    {
        var text = new Argument<string>("text") { Description = "Words to find, e.g. 行政复议 or an agency name." };
        var all = new Option<bool>("--all-versions") { Description = "Search every version, not only the latest." };
        var size = new Option<int>("--size") { Description = "How many reports to list.", DefaultValueFactory = _ => 20 };
        var search = new Command("search", "Full-text search of the indexed reports.");
        search.Arguments.Add(text);
        search.Options.Add(all);
        search.Options.Add(size);
        search.SetAction(async (parseResult, cancellationToken) =>
        {
            if (EsCommand.Connect() is not (var index, _)) return 2;
            var query = new ReportQuery { Text = parseResult.GetValue(text), AllVersions = parseResult.GetValue(all), Size = parseResult.GetValue(size) };
            var result = await index.SearchAsync(query, cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error);
                return 1;
            }
            var found = result.Value!;
            var years = found.ByYear.Count == 0 ? "" : " — " + string.Join(", ", found.ByYear.OrderBy(y => y.Year).Select(y => $"{y.Year}: {y.Count}"));
            Console.WriteLine($"{found.Total} report(s){years}");
            foreach (var hit in found.Hits)
            {
                Console.WriteLine($"{hit.Agency}\t{hit.Year?.ToString() ?? "-"}\tv{hit.Version?.ToString() ?? "-"}\t{hit.DocumentUrl}\t{string.Join(",", hit.FindingCodes)}");
            }
            return 0;
        });
        return search;
    }

    public static Command Count()
    {
        var all = new Option<bool>("--all-versions") { Description = "Count every version, not only the latest." };
        var code = new Option<string?>("--finding") { Description = "Only reports with this finding code, e.g. T3_BALANCE." };
        var count = new Command("count", "Count the indexed reports.");
        count.Options.Add(all);
        count.Options.Add(code);
        count.SetAction(async (parseResult, cancellationToken) =>
        {
            if (EsCommand.Connect() is not (var index, _)) return 2;
            var result = await index.CountAsync(new ReportQuery { FindingCode = parseResult.GetValue(code), AllVersions = parseResult.GetValue(all) }, cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error);
                return 1;
            }
            Console.WriteLine(result.Value);
            return 0;
        });
        return count;
    }
}
