using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The composable index template (PUT _index_template/{name}) for report versions, generated from
/// <see cref="ReportTemplates.AllTables"/> so every figure of every template layout (2019 keys too) has a numeric
/// field under its flat key. ops/elasticsearch/reports-template.json is this with the default options.
/// </summary>
public static class ReportIndexTemplate
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Build(ElasticsearchOptions options)
    {
        var (analyzer, searchAnalyzer) = Analyzers(options.Analyzer);
        return new JsonObject
        {
            ["index_patterns"] = new JsonArray(IndexPattern(options.IndexName)),
            ["priority"] = 200,
            ["template"] = new JsonObject
            {
                ["settings"] = Settings(options),
                ["mappings"] = new JsonObject
                {
                    ["dynamic"] = "strict",
                    ["properties"] = Properties(analyzer, searchAnalyzer),
                },
                ["aliases"] = new JsonObject
                {
                    [options.Alias] = new JsonObject(),
                    [options.LatestAlias] = new JsonObject
                    {
                        ["filter"] = new JsonObject { ["term"] = new JsonObject { ["isLatest"] = true } },
                    },
                },
            },
            ["_meta"] = new JsonObject
            {
                ["description"] = "政府信息公开工作年度报告: one document per stored report version (crawler)",
                ["analyzer"] = analyzer,
            },
        };
    }

    /// <summary>The rendering committed as ops/elasticsearch/reports-template.json.</summary>
    public static string Render(ElasticsearchOptions options) => Render(Build(options));

    /// <summary>A template as committed under ops/elasticsearch: indented, Chinese unescaped, one final newline.</summary>
    public static string Render(JsonObject template) => template.ToJsonString(Indented) + "\n";

    /// <summary>The index and search analyzers of the configured Chinese analyzer.</summary>
    public static (string Analyzer, string SearchAnalyzer) Analyzers(ChineseAnalyzer choice) => choice switch
    {
        ChineseAnalyzer.Smartcn => ("smartcn", "smartcn"),
        // IK: index every possible word, search with the coarsest split (the plugin's documented pairing).
        ChineseAnalyzer.Ik => ("ik_max_word", "ik_smart"),
        _ => ("cjk", "cjk"),
    };

    /// <summary>The index settings every template of the crawler shares.</summary>
    public static JsonObject Settings(ElasticsearchOptions options) => new()
    {
        ["number_of_shards"] = options.NumberOfShards,
        // One node in the bundled compose stack; replicas appear when the cluster grows.
        ["auto_expand_replicas"] = "0-1",
    };

    /// <summary>An analysed text field, with an aggregatable .keyword beside it when asked.</summary>
    public static JsonObject TextField(string analyzer, string searchAnalyzer, bool keyword = false)
    {
        var field = new JsonObject { ["type"] = "text", ["analyzer"] = analyzer, ["search_analyzer"] = searchAnalyzer };
        if (keyword) field["fields"] = new JsonObject { ["keyword"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 512 } };
        return field;
    }

    public static JsonObject Field(string type) => new() { ["type"] = type };

    /// <summary>Every mapped field under its dotted path (multi-fields too, e.g. agency.keyword) with its type.</summary>
    public static IReadOnlyDictionary<string, string> FieldTypes(JsonObject template)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonObject properties, string prefix)
        {
            foreach (var (name, node) in properties)
            {
                if (node is not JsonObject field) continue;
                var path = prefix + name;
                if (field["properties"] is JsonObject children) Walk(children, path + ".");
                else fields[path] = field["type"]?.GetValue<string>() ?? "object";
                if (field["fields"] is JsonObject multi) Walk(multi, path + ".");
            }
        }
        Walk((JsonObject)template["template"]!["mappings"]!["properties"]!, "");
        return fields;
    }

    /// <summary>reports-v1 → reports-v*: later mapping versions (reports-v2 …) get the same template.</summary>
    public static string IndexPattern(string indexName)
    {
        var cut = indexName.LastIndexOf("-v", StringComparison.Ordinal);
        return cut > 0 ? indexName[..(cut + 2)] + "*" : indexName;
    }

    private static JsonObject Properties(string analyzer, string searchAnalyzer)
    {
        JsonObject Text(bool keyword = false) => TextField(analyzer, searchAnalyzer, keyword);
        static JsonObject Type(string type) => Field(type);

        var properties = new JsonObject
        {
            ["reportKey"] = Type("keyword"),
            ["sourceId"] = Type("keyword"),
            ["agency"] = Text(keyword: true),
            ["region"] = Text(keyword: true),
            ["province"] = Type("keyword"),
            ["year"] = Type("integer"),
            ["reportYear"] = Type("date"),
            ["template"] = Type("keyword"),
            ["title"] = Text(keyword: true),
            ["statisticalPeriod"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["from"] = Type("date"), ["to"] = Type("date") },
            },
            ["text"] = Text(),
            ["sections"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["overview"] = Text(), ["problems"] = Text(), ["other"] = Text() },
            },
            ["findingCodes"] = Type("keyword"),
            ["findingSeverities"] = Type("keyword"),
            ["findingMessages"] = Text(),
            ["findingCount"] = Type("integer"),
            ["maxSeverity"] = Type("keyword"),
            ["pageUrl"] = Type("keyword"),
            ["documentUrl"] = Type("keyword"),
            ["mediaType"] = Type("keyword"),
            ["sha256"] = Type("keyword"),
            ["fetchedAt"] = Type("date"),
            ["indexedAt"] = Type("date"),
            ["versionId"] = Type("long"),
            ["version"] = Type("integer"),
            ["isLatest"] = Type("boolean"),
            ["publishedAt"] = Type("date"),
            ["publishedAtSource"] = Type("keyword"),
            ["compliance"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["status"] = Type("keyword"), ["daysLate"] = Type("integer"), ["deadline"] = Type("date") },
            },
        };
        foreach (var (key, kind) in FigureFields())
        {
            // Money (万元) keeps its decimals; counts are whole numbers (本年增/减 may be negative).
            Place(properties, key.Split('.'), Type(kind == FigureKind.Amount ? "double" : "long"));
        }
        return properties;
    }

    /// <summary>Every figure key of every layout, once; an amount wins if layouts disagreed on a key's kind.</summary>
    public static IReadOnlyList<(string Key, FigureKind Kind)> FigureFields()
    {
        var fields = new Dictionary<string, FigureKind>(StringComparer.Ordinal);
        foreach (var table in ReportTemplates.AllTables)
        {
            foreach (var figure in FigureTable.Empty(table).Figures())
            {
                fields[figure.Key] = fields.TryGetValue(figure.Key, out var seen) && seen == FigureKind.Amount ? seen : figure.Kind;
            }
        }
        return [.. fields.Select(f => (f.Key, f.Value))];
    }

    private static void Place(JsonObject properties, string[] path, JsonObject leaf)
    {
        var current = properties;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (current[path[i]] is not JsonObject node)
            {
                node = new JsonObject { ["properties"] = new JsonObject() };
                current[path[i]] = node;
            }
            current = (JsonObject)node["properties"]!;
        }
        current[path[^1]] = leaf;
    }
}
