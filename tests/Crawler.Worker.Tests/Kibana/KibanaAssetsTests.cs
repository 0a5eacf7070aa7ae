using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Indexing;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.Kibana;

/// <summary>ops/kibana/*.ndjson only references objects it holds and fields the index template of their data view maps.</summary>
public sealed partial class KibanaAssetsTests
{
    private const string ComplianceDataView = "crawler-compliance";

    private static readonly IReadOnlyDictionary<string, string> ReportFields = ReportIndexTemplate.FieldTypes(ReportIndexTemplate.Build(new ElasticsearchOptions()));

    private static readonly IReadOnlyDictionary<string, string> ComplianceFields =
        ReportIndexTemplate.FieldTypes(ComplianceIndexTemplate.Build(new ElasticsearchOptions()));

    /// <summary>The fields of the index behind a data view: the compliance template for crawler-compliance, else the reports template.</summary>
    private static IReadOnlyDictionary<string, string> FieldsOf(string dataView) => dataView == ComplianceDataView ? ComplianceFields : ReportFields;

    /// <summary>The data view an object reads: itself for a data view, else the one its search source references.</summary>
    private static string DataViewOf(JsonObject o) => Type(o) == "index-pattern"
        ? o["id"]!.GetValue<string>()
        : o["references"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "kibanaSavedObjectMeta.searchSourceJSON.index")!["id"]!.GetValue<string>();

    private static List<JsonObject> Objects() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "ops", "kibana"), "*.ndjson")
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())];

    [Fact]
    public void The_saved_objects_are_the_three_data_views_four_searches_and_a_dashboard_of_visualizations()
    {
        var objects = Objects();

        var dataViews = objects.Where(o => Type(o) == "index-pattern").ToList();
        Assert.Equal(["crawler-compliance", "reports", "reports-latest"], dataViews.Select(o => o["attributes"]!["title"]!.GetValue<string>()).Order());
        // The report year, never the fetch time: a report crawled long after publication still counts for its year.
        Assert.All(dataViews, o => Assert.Equal("reportYear", o["attributes"]!["timeFieldName"]!.GetValue<string>()));
        var searches = objects.Where(o => Type(o) == "search").Select(o => o["attributes"]!["title"]!.GetValue<string>()).ToList();
        Assert.Contains(searches, t => t.Contains("latest reports"));
        Assert.Contains(searches, t => t.Contains("reports with errors"));
        Assert.Contains(searches, t => t.Contains("reports by agency"));
        Assert.Contains(searches, t => t.Contains("late and missing agencies"));
        var dashboard = Assert.Single(objects, o => Type(o) == "dashboard");
        var panels = JsonNode.Parse(dashboard["attributes"]!["panelsJSON"]!.GetValue<string>())!.AsArray();
        Assert.Equal(9, panels.Count);
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
        var used = FieldUses(Objects());

        Assert.True(used.Count > 60, $"only {used.Count} field uses found");
        Assert.True(used.Count(u => u.DataView == ComplianceDataView) >= 12, "the compliance data view's objects use too few fields");
        foreach (var (field, use, where, dataView) in used)
        {
            Assert.True(FieldsOf(dataView).TryGetValue(field, out var type), $"{where} uses {field}, which the index template of {dataView} does not map");
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
    public void The_compliance_data_view_reads_the_compliance_index_by_report_year_and_the_dashboard_shows_late_and_missing_per_region()
    {
        var objects = Objects();
        var dataView = Assert.Single(objects, o => Type(o) == "index-pattern" && o["id"]!.GetValue<string>() == ComplianceDataView);
        Assert.Equal(new ElasticsearchOptions().ComplianceIndexName, dataView["attributes"]!["title"]!.GetValue<string>());
        Assert.Equal("reportYear", dataView["attributes"]!["timeFieldName"]!.GetValue<string>());
        Assert.Equal("date", ComplianceFields["reportYear"]);

        var dashboard = Assert.Single(objects, o => Type(o) == "dashboard");
        var panelIds = dashboard["references"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToHashSet();
        var chart = Assert.Single(objects, o => Type(o) == "visualization" && DataViewOf(o) == ComplianceDataView);
        Assert.Contains(chart["id"]!.GetValue<string>(), panelIds);
        Assert.Contains("late and missing per region", chart["attributes"]!["title"]!.GetValue<string>());
        var visState = JsonNode.Parse(chart["attributes"]!["visState"]!.GetValue<string>())!;
        Assert.Equal("histogram", visState["type"]!.GetValue<string>());
        var buckets = visState["aggs"]!.AsArray().Where(a => a!["schema"]!.GetValue<string>() != "metric")
            .Select(a => (a!["schema"]!.GetValue<string>(), a["params"]!["field"]!.GetValue<string>())).ToList();
        Assert.Equal([("segment", "province"), ("group", "status")], buckets);

        // Filtered to late and missing (after the deadline), by the status names crawler compliance prints.
        var query = JsonNode.Parse(chart["attributes"]!["kibanaSavedObjectMeta"]!["searchSourceJSON"]!.GetValue<string>())!["query"]!["query"]!.GetValue<string>();
        var values = QuotedValue().Matches(query).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["late", "missing"], values);
        Assert.All(values, v => Assert.NotNull(ComplianceStatuses.FromName(v)));
        Assert.Contains("deadlinePassed : true", query);
        var list = Assert.Single(objects, o => Type(o) == "search" && DataViewOf(o) == ComplianceDataView);
        Assert.Contains(list["id"]!.GetValue<string>(), panelIds);
        Assert.Equal(query, JsonNode.Parse(list["attributes"]!["kibanaSavedObjectMeta"]!["searchSourceJSON"]!.GetValue<string>())!["query"]!["query"]!.GetValue<string>());
    }

    [Fact]
    public void Every_bar_chart_has_one_series_per_metric()
    {
        var charts = Objects().Where(o => Type(o) == "visualization")
            .Select(o => JsonNode.Parse(o["attributes"]!["visState"]!.GetValue<string>())!)
            .Where(v => v["type"]!.GetValue<string>() == "histogram").ToList();

        Assert.Equal(4, charts.Count);
        foreach (var chart in charts)
        {
            var metrics = chart["aggs"]!.AsArray().Where(a => a!["schema"]!.GetValue<string>() == "metric").Select(a => a!["id"]!.GetValue<string>());
            var series = chart["params"]!["seriesParams"]!.AsArray().Select(s => s!["data"]!["id"]!.GetValue<string>());
            Assert.Equal(metrics, series);
        }
    }

    /// <summary>Every field an object names (time field, columns, sort, KQL query, aggregations), with its use and its data view.</summary>
    private static List<(string Field, string Use, string Where, string DataView)> FieldUses(IEnumerable<JsonObject> objects)
    {
        var used = new List<(string Field, string Use, string Where, string DataView)>();
        foreach (var o in objects.Where(o => Type(o) != "dashboard"))
        {
            var attributes = o["attributes"]!;
            var where = $"{Type(o)} {o["id"]}";
            var dataView = DataViewOf(o);
            if (attributes["timeFieldName"] is { } time) used.Add((time.GetValue<string>(), "date", where, dataView));
            foreach (var column in attributes["columns"]?.AsArray() ?? []) used.Add((column!.GetValue<string>(), "any", where, dataView));
            foreach (var sort in attributes["sort"]?.AsArray() ?? []) used.Add((sort![0]!.GetValue<string>(), "aggregatable", where, dataView));
            if (attributes["kibanaSavedObjectMeta"]?["searchSourceJSON"] is { } source)
            {
                var query = JsonNode.Parse(source.GetValue<string>())!["query"]!["query"]!.GetValue<string>();
                foreach (Match m in KqlField().Matches(query)) used.Add((m.Groups[1].Value, "any", where, dataView));
            }
            if (attributes["visState"] is { } visState)
            {
                foreach (var agg in JsonNode.Parse(visState.GetValue<string>())!["aggs"]!.AsArray())
                {
                    if (agg!["params"]!["field"] is not { } field) continue;
                    used.Add((field.GetValue<string>(), agg["type"]!.GetValue<string>() == "sum" ? "numeric" : "aggregatable", where, dataView));
                }
            }
        }
        return used;
    }

    private static string Type(JsonObject o) => o["type"]!.GetValue<string>();

    [GeneratedRegex(@"([A-Za-z][\w.]*)\s*:")]
    private static partial Regex KqlField();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedValue();
}
