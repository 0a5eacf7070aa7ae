using System.Text.Json;
using Crawler.Extraction.PlainText;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Parsing;
using Crawler.Reports.Templates;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Templates;

/// <summary>Tests that register a template run alone, so that no other test sees it.</summary>
[CollectionDefinition(nameof(TemplateRegistryCollection), DisableParallelization = true)]
public sealed class TemplateRegistryCollection;

/// <summary>
/// A third template, declared here in the test assembly and nowhere else: a variant of 2021 whose table 2 prints a
/// fourth column 本年修订件数 (revised) for 规章 and 行政规范性文件. Once registered, the parser detects and reads it,
/// the JSON writes and reads its keys, the CSV has its column and the index maps its field, with no other file touched.
/// </summary>
[Collection(nameof(TemplateRegistryCollection))]
public sealed class ThirdTemplateTests
{
    private static readonly CellDefinition[] Documents =
        [new("issued", "本年制发件数"), new("revised", "本年修订件数"), new("repealed", "本年废止件数"), new("inForce", "现行有效件数")];

    private static TemplateDeclaration Variant()
    {
        var template2021 = Template2021.Declaration;
        var active = template2021.ActiveDisclosure;
        return template2021 with
        {
            Template = new ReportTemplate("2025"),
            Notice = "（测试用的假想模板）",
            FirstYear = 2025,
            ActiveDisclosure = active with { Rows = [.. active.Rows.Select(r => r.Key is "rules" or "normativeDocuments" ? r with { Cells = Documents } : r)] },
            Headers = [.. template2021.Headers, "本年修订件数"],
        };
    }

    private static string SeedText => File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "000_79386d8b7b396ab1.txt"));

    /// <summary>Seed 000 with table 2 printed in the variant's layout: 规章 2/1/0/5, 行政规范性文件 3/4/0/6.</summary>
    private static string VariantText()
    {
        var text = SeedText;
        string[] from = ["信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0", "行政规范性文件\t0\t0\t0"];
        string[] to = ["信息内容\t本年制发件数\t本年修订件数\t本年废止件数\t现行有效件数", "规章\t2\t1\t0\t5", "行政规范性文件\t3\t4\t0\t6"];
        for (var i = 0; i < from.Length; i++)
        {
            Assert.Contains(from[i], text);
            text = text.Replace(from[i], to[i], StringComparison.Ordinal);
        }
        return text;
    }

    private static ReportParseResult Parse(string text) => new ReportParser().Parse(PlainTextDocumentReader.Read(text));

    private static string[] Where(ReportParseResult result) => [.. result.Findings.Select(f => $"{f.Code}@{f.Where}").Order(StringComparer.Ordinal)];

    [Fact]
    public void A_registered_third_template_is_read_by_the_parser_json_csv_and_index()
    {
        // Unregistered, the fourth column is a phantom to the 2021 layout.
        var before = Parse(VariantText());
        Assert.Equal("2021", before.Report.Template.Name);
        Assert.Contains(before.Findings, f => f is { Code: FindingCodes.ColumnRepaired, Where: "activeDisclosure.rules" });
        Assert.DoesNotContain("activeDisclosure.rules.revised", ReportExportColumns.FigureKeys);

        var original = Parse(SeedText);
        using (ReportTemplates.Register(Variant()))
        {
            // Parser: detected by its extra header, every cell read, and no finding that the plain 2021 seed lacks.
            var result = Parse(VariantText());
            Assert.Equal("2025", result.Report.Template.Name);
            var rules = result.Report.ActiveDisclosure;
            Assert.Equal([2m, 1m, 0m, 5m], Documents.Select(c => rules["rules", c.Key]));
            Assert.Equal([3m, 4m, 0m, 6m], Documents.Select(c => rules["normativeDocuments", c.Key]));
            Assert.Equal(0m, rules["licensing", "decisions"]);
            Assert.Equal(Where(original), Where(result));
            Assert.Equal(original.Report.Applications.Figures().Select(f => f.Value), result.Report.Applications.Figures().Select(f => f.Value));

            // A report printed in the 2021 layout is still 2021: a tie in headers goes to the template registered first.
            Assert.Equal("2021", Parse(SeedText).Report.Template.Name);

            // JSON: the template's name and its keys in printed order, and back.
            var json = ReportJson.Serialize(result);
            using (var parsed = JsonDocument.Parse(json))
            {
                Assert.Equal("2025", parsed.RootElement.GetProperty("template").GetString());
                Assert.Equal(["issued", "revised", "repealed", "inForce"],
                    parsed.RootElement.GetProperty("activeDisclosure").GetProperty("rules").EnumerateObject().Select(p => p.Name));
                Assert.Equal(1m, parsed.RootElement.GetProperty("activeDisclosure").GetProperty("rules").GetProperty("revised").GetDecimal());
            }
            var back = ReportJson.Deserialize(json).Report;
            Assert.Equal("2025", back.Template.Name);
            Assert.Equal(4m, back.ActiveDisclosure["normativeDocuments", "revised"]);

            // CSV: a column per new key, headed by its key or its printed label, holding the figure.
            Assert.Contains("activeDisclosure.rules.revised", ReportExportColumns.FigureKeys);
            Assert.Contains("规章 本年修订件数", ReportExportColumns.Headers(ExportHeader.Labels));
            var columns = ReportCsvExport.Columns;
            var row = ReportCsvExport.Row(Version(json), ExportHeader.Keys);
            Assert.Equal(columns.Count, row.Count);
            Assert.Equal("1", row[columns.ToList().IndexOf("activeDisclosure.rules.revised")]);
            Assert.Equal("4", row[columns.ToList().IndexOf("activeDisclosure.normativeDocuments.revised")]);
            Assert.Equal("2", row[columns.ToList().IndexOf("activeDisclosure.rules.issued")]);
            Assert.Equal("2025", row[columns.ToList().IndexOf("template")]);

            // Index mapping: a numeric field for each new key.
            Assert.Contains(("activeDisclosure.rules.revised", FigureKind.Count), ReportIndexTemplate.FigureFields());
        }

        // Unregistered again, nothing of it is left.
        Assert.Null(ReportTemplates.Find("2025"));
        Assert.DoesNotContain("activeDisclosure.rules.revised", ReportExportColumns.FigureKeys);
        Assert.Equal("2021", Parse(VariantText()).Report.Template.Name);
    }

    private static ReportVersionRecord Version(string json) => new()
    {
        VersionId = 1,
        ReportId = 1,
        Agency = "聊城市商务局",
        Year = 2023,
        Version = 1,
        IsLatest = true,
        SourceId = "test",
        DocumentUrl = new Uri("http://127.0.0.1/report.txt"),
        Sha256 = new string('0', 64),
        MediaType = "text/plain",
        FetchedAt = new DateTimeOffset(2024, 1, 25, 3, 0, 0, TimeSpan.Zero),
        Template = "2025",
        ParsedJson = json,
        Findings = [],
    };
}
