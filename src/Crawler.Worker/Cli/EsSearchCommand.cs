using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>crawler es search TEXT</c> and <c>crawler es count</c>: quick looks at the index from the command line
/// (full text over title, sections and report text; latest versions unless --all-versions).
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
            if (EsCommand.Connect() is not { } client) return 2;
            var options = EsCommand.Options();
            var body = new JsonObject
            {
                ["size"] = parseResult.GetValue(size),
                ["_source"] = new JsonArray("agency", "year", "version", "title", "documentUrl", "findingCodes"),
                ["query"] = new JsonObject
                {
                    ["multi_match"] = new JsonObject
                    {
                        ["query"] = parseResult.GetValue(text),
                        ["fields"] = new JsonArray("title^3", "agency^2", "sections.*", "text", "findingMessages"),
                    },
                },
            };
            var result = await client.SearchAsync(body, parseResult.GetValue(all) ? options.Alias : options.LatestAlias, cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error);
                return 1;
            }
            using var document = result.Value!;
            var hits = document.RootElement.GetProperty("hits");
            Console.WriteLine($"{hits.GetProperty("total").GetProperty("value").GetInt64()} report(s)");
            foreach (var hit in hits.GetProperty("hits").EnumerateArray())
            {
                var source = hit.GetProperty("_source");
                string Get(string name) => source.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "-";
                Console.WriteLine($"{Get("agency")}\t{Get("year")}\tv{Get("version")}\t{Get("documentUrl")}\t{Get("findingCodes")}");
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
            if (EsCommand.Connect() is not { } client) return 2;
            var options = EsCommand.Options();
            var query = parseResult.GetValue(code) is { } finding ? new JsonObject { ["term"] = new JsonObject { ["findingCodes"] = finding } } : null;
            var result = await client.CountAsync(query, parseResult.GetValue(all) ? options.Alias : options.LatestAlias, cancellationToken);
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
