using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crawler.Pipeline.Indexing;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.Kibana;

/// <summary>ops/kibana/*.ndjson only references objects it holds and fields the index template maps.</summary>
public sealed partial class KibanaAssetsTests
{
    private static readonly IReadOnlyDictionary<string, string> Fields = ReportIndexTemplate.FieldTypes(ReportIndexTemplate.Build(new ElasticsearchOptions()));

    private static List<JsonObject> Objects() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "ops", "kibana"), "*.ndjson")
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())];

    [Fact]
    public void The_saved_objects_are_the_two_data_views_three_searches_and_a_dashboard_of_visualizations()
    {
        var objects = Objects();

        var dataViews = objects.Where(o => Type(o) == "index-pattern").ToList();
        Assert.Equal(["reports", "reports-latest"], dataViews.Select(o => o["attributes"]!["title"]!.GetValue<string>()).Order());
        // The report year, never the fetch time: a report crawled long after publication still counts for its year.
        Assert.All(dataViews, o => Assert.Equal("reportYear", o["attributes"]!["timeFieldName"]!.GetValue<string>()));
        var searches = objects.Where(o => Type(o) == "search").Select(o => o["attributes"]!["title"]!.GetValue<string>()).ToList();
        Assert.Contains(searches, t => t.Contains("latest reports"));
        Assert.Contains(searches, t => t.Contains("reports with errors"));
        Assert.Contains(searches, t => t.Contains("reports by agency"));
        var dashboard = Assert.Single(objects, o => Type(o) == "dashboard");
        var panels = JsonNode.Parse(dashboard["attributes"]!["panelsJSON"]!.GetValue<string>())!.AsArray();
        Assert.Equal(7, panels.Count);
        var references = dashboard["references"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToHashSet();
        Assert.All(panels, p => Assert.Contains($"{p!["panelIndex"]}:{p["panelRefName"]}", references));
    }

    [Fact]
    public void Every_reference_points_at_an_object_in_the_files()
    {
        var objects = Objects();
        var known = objects.Select(o => (Type(o), o["id"]!.GetValue<string>())).ToHashSet();

        Assert.Equal(objects.Count, known.Count);
        foreach (var o in objects)
        {
            foreach (var reference in o["references"]!.AsArray())
            {
                Assert.Contains((reference!["type"]!.GetValue<string>(), reference["id"]!.GetValue<string>()), known);
            }
        }
    }

    [Fact]
    public void Every_field_the_assets_use_is_mapped_and_fit_for_its_use()
    {
        var used = new List<(string Field, string Use, string Where)>();
        foreach (var o in Objects())
        {
            var attributes = o["attributes"]!;
            var where = $"{Type(o)} {o["id"]}";
            if (attributes["timeFieldName"] is { } time) used.Add((time.GetValue<string>(), "date", where));
            foreach (var column in attributes["columns"]?.AsArray() ?? []) used.Add((column!.GetValue<string>(), "any", where));
            foreach (var sort in attributes["sort"]?.AsArray() ?? []) used.Add((sort![0]!.GetValue<string>(), "aggregatable", where));
            if (attributes["kibanaSavedObjectMeta"]?["searchSourceJSON"] is { } source)
            {
                var query = JsonNode.Parse(source.GetValue<string>())!["query"]!["query"]!.GetValue<string>();
                foreach (Match m in KqlField().Matches(query)) used.Add((m.Groups[1].Value, "any", where));
            }
            if (attributes["visState"] is { } visState)
            {
                foreach (var agg in JsonNode.Parse(visState.GetValue<string>())!["aggs"]!.AsArray())
                {
                    if (agg!["params"]!["field"] is not { } field) continue;
                    used.Add((field.GetValue<string>(), agg["type"]!.GetValue<string>() == "sum" ? "numeric" : "aggregatable", where));
                }
            }
        }

        Assert.True(used.Count > 60, $"only {used.Count} field uses found");
        foreach (var (field, use, where) in used)
        {
            Assert.True(Fields.TryGetValue(field, out var type), $"{where} uses {field}, which the index template does not map");
            var fits = use switch
            {
                "date" => type == "date",
                "numeric" => type is "long" or "integer" or "double",
                "aggregatable" => type != "text",
                _ => true,
            };
            Assert.True(fits, $"{where} uses {field} ({type}) as {use}");
        }
        Assert.Contains(used, u => u.Field == "applications.newReceived.total");
        Assert.Contains(used, u => u.Field == "applications.deniedStateSecret.total");
        Assert.Contains(used, u => u.Field == "reviewAndLitigation.litigationAfterReview.corrected");
    }

    [Fact]
    public void Every_bar_chart_has_one_series_per_metric()
    {
        var charts = Objects().Where(o => Type(o) == "visualization")
            .Select(o => JsonNode.Parse(o["attributes"]!["visState"]!.GetValue<string>())!)
            .Where(v => v["type"]!.GetValue<string>() == "histogram").ToList();

        Assert.Equal(3, charts.Count);
        foreach (var chart in charts)
        {
            var metrics = chart["aggs"]!.AsArray().Where(a => a!["schema"]!.GetValue<string>() == "metric").Select(a => a!["id"]!.GetValue<string>());
            var series = chart["params"]!["seriesParams"]!.AsArray().Select(s => s!["data"]!["id"]!.GetValue<string>());
            Assert.Equal(metrics, series);
        }
    }

    private static string Type(JsonObject o) => o["type"]!.GetValue<string>();

    [GeneratedRegex(@"([A-Za-z][\w.]*)\s*:")]
    private static partial Regex KqlField();
}
