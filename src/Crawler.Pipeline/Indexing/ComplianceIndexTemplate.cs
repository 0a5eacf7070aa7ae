using System.Text.Json.Nodes;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The composable index template (PUT _index_template/{name}) of the compliance index (Elasticsearch:ComplianceIndexName,
/// crawler-compliance): one document per source and report year, missing agencies included, with the facts of
/// <c>crawler compliance</c> (<see cref="ComplianceIndexDocument"/>). Strict, like the reports template: a field this
/// mapping does not name is refused. ops/elasticsearch/compliance-template.json is this with the default options.
/// </summary>
public static class ComplianceIndexTemplate
{
    public static JsonObject Build(ElasticsearchOptions options)
    {
        var (analyzer, searchAnalyzer) = ReportIndexTemplate.Analyzers(options.Analyzer);
        return new JsonObject
        {
            ["index_patterns"] = new JsonArray(options.ComplianceIndexName),
            ["priority"] = 200,
            ["template"] = new JsonObject
            {
                ["settings"] = ReportIndexTemplate.Settings(options),
                ["mappings"] = new JsonObject
                {
                    ["dynamic"] = "strict",
                    ["properties"] = Properties(analyzer, searchAnalyzer),
                },
            },
            ["_meta"] = new JsonObject
            {
                ["description"] = "政府信息公开工作年度报告公开情况: one document per source and report year, missing agencies included (crawler)",
                ["analyzer"] = analyzer,
            },
        };
    }

    /// <summary>The rendering committed as ops/elasticsearch/compliance-template.json.</summary>
    public static string Render(ElasticsearchOptions options) => ReportIndexTemplate.Render(Build(options));

    private static JsonObject Properties(string analyzer, string searchAnalyzer)
    {
        JsonObject Text() => ReportIndexTemplate.TextField(analyzer, searchAnalyzer, keyword: true);
        static JsonObject Type(string type) => ReportIndexTemplate.Field(type);
        return new JsonObject
        {
            ["sourceId"] = Type("keyword"),
            ["agency"] = Text(),
            ["region"] = Text(),
            ["province"] = Type("keyword"),
            ["year"] = Type("integer"),
            ["reportYear"] = Type("date"),
            ["status"] = Type("keyword"),
            ["statusLabel"] = Type("keyword"),
            ["publishedAt"] = Type("date"),
            ["publishedAtSource"] = Type("keyword"),
            ["daysLate"] = Type("integer"),
            ["deadline"] = Type("date"),
            ["deadlinePassed"] = Type("boolean"),
            ["template"] = Type("keyword"),
            ["standardFormat"] = Type("boolean"),
            ["figuresAddUp"] = Type("boolean"),
            ["findingCount"] = Type("integer"),
            ["findingCodes"] = Type("keyword"),
            ["ruleViolationCodes"] = Type("keyword"),
            ["versions"] = Type("integer"),
            ["firstFoundAt"] = Type("date"),
            ["documentUrl"] = Type("keyword"),
            ["indexedAt"] = Type("date"),
        };
    }
}
