using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Indexing;

public sealed class ReportIndexTemplateTests
{
    private static readonly string Committed = Path.Combine(RepositoryPaths.Root, "ops", "elasticsearch", "reports-template.json");

    [Fact]
    public void The_committed_template_is_the_default_rendering()
    {
        // Regenerate with: crawler es template > ops/elasticsearch/reports-template.json
        Assert.Equal(ReportIndexTemplate.Render(new ElasticsearchOptions()), File.ReadAllText(Committed));
    }

    [Fact]
    public void Every_figure_of_every_layout_is_a_numeric_field_under_its_flat_key()
    {
        var fields = ReportIndexTemplate.FieldTypes(ReportIndexTemplate.Build(new ElasticsearchOptions()));
        var figures = ReportTemplates.AllTables.SelectMany(t => FigureTable.Empty(t).Figures()).ToList();

        Assert.All(figures, f => Assert.Equal(f.Kind == FigureKind.Amount ? "double" : "long", fields[f.Key]));
        Assert.Equal("long", fields["applications.newReceived.total"]);
        Assert.Equal("long", fields["reviewAndLitigation.review.corrected"]);
        Assert.Equal("long", fields["applications.otherHandling.total"]); // 2019 layout only
        Assert.Equal("long", fields["activeDisclosure.procurement.projects"]); // 2019 layout only
        Assert.Equal("double", fields["activeDisclosure.fees.amountTenThousandYuan"]);
        Assert.Equal(figures.Select(f => f.Key).Distinct().Count(), fields.Keys.Count(k => k.StartsWith("activeDisclosure.") || k.StartsWith("applications.") || k.StartsWith("reviewAndLitigation.")));
    }

    [Fact]
    public void The_mapping_is_strict_and_carries_both_aliases()
    {
        var template = ReportIndexTemplate.Build(new ElasticsearchOptions());

        Assert.Equal(["reports-v*"], template["index_patterns"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("strict", template["template"]!["mappings"]!["dynamic"]!.GetValue<string>());
        var aliases = template["template"]!["aliases"]!.AsObject();
        Assert.True(aliases.ContainsKey("reports"));
        Assert.True(aliases["reports-latest"]!["filter"]!["term"]!["isLatest"]!.GetValue<bool>());
        var fields = ReportIndexTemplate.FieldTypes(template);
        Assert.Equal("keyword", fields["agency.keyword"]);
        Assert.Equal("keyword", fields["findingCodes"]);
        Assert.Equal("boolean", fields["isLatest"]);
        Assert.Equal("date", fields["fetchedAt"]);
        Assert.Equal("text", fields["sections.problems"]);
    }

    [Theory]
    [InlineData(ChineseAnalyzer.Cjk, "cjk", "cjk")]
    [InlineData(ChineseAnalyzer.Smartcn, "smartcn", "smartcn")]
    [InlineData(ChineseAnalyzer.Ik, "ik_max_word", "ik_smart")]
    public void Report_text_is_analysed_with_the_configured_Chinese_analyzer(ChineseAnalyzer choice, string analyzer, string searchAnalyzer)
    {
        var properties = ReportIndexTemplate.Build(new ElasticsearchOptions { Analyzer = choice })["template"]!["mappings"]!["properties"]!;

        foreach (var field in new[] { properties["text"], properties["agency"], properties["sections"]!["properties"]!["overview"], properties["findingMessages"] })
        {
            Assert.Equal(analyzer, field!["analyzer"]!.GetValue<string>());
            Assert.Equal(searchAnalyzer, field["search_analyzer"]!.GetValue<string>());
        }
    }

    [Fact]
    public void A_renamed_index_gets_a_matching_pattern()
    {
        Assert.Equal("reports-v*", ReportIndexTemplate.IndexPattern("reports-v2"));
        Assert.Equal("gov-reports", ReportIndexTemplate.IndexPattern("gov-reports"));
        Assert.IsType<JsonObject>(ReportIndexTemplate.Build(new ElasticsearchOptions { IndexName = "gov-reports" })["template"]);
    }
}
