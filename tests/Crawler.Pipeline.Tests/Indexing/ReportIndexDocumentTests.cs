using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Indexing;

public sealed class ReportIndexDocumentTests
{
    private const string Sha = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    [Fact]
    public void Ids_are_stable_and_change_only_with_agency_year_or_content()
    {
        var id = ReportDocumentId.For("聊城市商务局", 2023, Sha);

        Assert.Equal(32, id.Length);
        Assert.Equal(id, ReportDocumentId.For("聊城市商务局", 2023, Sha.ToLowerInvariant()));
        Assert.NotEqual(id, ReportDocumentId.For("聊城市商务局", 2022, Sha));
        Assert.NotEqual(id, ReportDocumentId.For("聊城市民政局", 2023, Sha));
        Assert.NotEqual(id, ReportDocumentId.For("聊城市商务局", 2023, "0" + Sha[1..]));
        Assert.Equal(id, ReportIndexDocument.IdOf(IndexingFixtures.Version(Sha)));
    }

    [Fact]
    public void The_document_carries_the_figures_under_their_flat_keys_and_the_metadata()
    {
        var version = IndexingFixtures.Version(Sha, version: 2, versionId: 7);
        var document = ReportIndexDocument.Build(version, isLatest: true, new DateTimeOffset(2024, 1, 25, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(3, document["applications"]!["newReceived"]!["total"]!.GetValue<long>());
        Assert.Equal(2, document["applications"]!["granted"]!["naturalPerson"]!.GetValue<long>());
        Assert.Equal(0d, document["activeDisclosure"]!["fees"]!["amountTenThousandYuan"]!.GetValue<double>());
        Assert.Equal("聊城市商务局", document["agency"]!.GetValue<string>());
        Assert.Equal("山东省聊城市", document["region"]!.GetValue<string>());
        Assert.Equal(2023, document["year"]!.GetValue<int>());
        Assert.Equal("2021", document["template"]!.GetValue<string>());
        Assert.Equal(Sha.ToLowerInvariant(), document["sha256"]!.GetValue<string>());
        Assert.Equal("2024-01-25T08:30:00.0000000+00:00", document["fetchedAt"]!.GetValue<string>());
        Assert.Equal("2024-01-25T09:00:00.0000000+00:00", document["indexedAt"]!.GetValue<string>());
        Assert.Equal(2, document["version"]!.GetValue<int>());
        Assert.Equal(7, document["versionId"]!.GetValue<long>());
        Assert.True(document["isLatest"]!.GetValue<bool>());
        Assert.Equal("2022-01-01", document["statisticalPeriod"]!["from"]!.GetValue<string>());
        Assert.Equal("http://swj.liaocheng.gov.cn/art/2024/1/20/art_1_1.html", document["pageUrl"]!.GetValue<string>());
    }

    [Fact]
    public void Findings_become_codes_severities_and_messages()
    {
        var version = IndexingFixtures.Version(Sha);
        version = version with
        {
            Result = version.Result with
            {
                Findings =
                [
                    new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.totalHandled", "总计 5 ≠ 新收 3 + 结转 0"),
                    new Finding(FindingCodes.LabelVariant, FindingSeverity.Info, "applications.granted", "标签变体"),
                    new Finding(FindingCodes.T3Balance, FindingSeverity.Error, "applications.carriedForward", "结转不平"),
                ],
            },
        };

        var document = ReportIndexDocument.Build(version, isLatest: false, DateTimeOffset.UnixEpoch);

        Assert.Equal(["T3_BALANCE", "LABEL_VARIANT"], document["findingCodes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["error", "info"], document["findingSeverities"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(3, document["findingMessages"]!.AsArray().Count);
        Assert.Equal(3, document["findingCount"]!.GetValue<int>());
        Assert.Equal("error", document["maxSeverity"]!.GetValue<string>());
        Assert.False(document["isLatest"]!.GetValue<bool>());
    }

    [Fact]
    public void Every_field_of_the_document_is_mapped_by_the_strict_template_with_a_fitting_type()
    {
        var fields = ReportIndexTemplate.FieldTypes(ReportIndexTemplate.Build(new ElasticsearchOptions()));
        var document = ReportIndexDocument.Build(IndexingFixtures.Version(Sha), isLatest: true, DateTimeOffset.UnixEpoch);

        var leaves = Leaves(document, "").ToList();
        Assert.True(leaves.Count > 100, $"only {leaves.Count} fields");
        foreach (var (path, value) in leaves)
        {
            Assert.True(fields.TryGetValue(path, out var type), $"field {path} is not in the template (dynamic: strict would reject the document)");
            var kind = value is JsonArray array ? array.FirstOrDefault()?.GetValueKind() : value.GetValueKind();
            if (type is "long" or "integer" or "double") Assert.Equal(System.Text.Json.JsonValueKind.Number, kind);
            if (type == "boolean") Assert.Contains(kind, new System.Text.Json.JsonValueKind?[] { System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False });
        }
    }

    private static IEnumerable<(string Path, JsonNode Value)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (name, child) in node)
        {
            if (child is JsonObject inner)
            {
                foreach (var leaf in Leaves(inner, prefix + name + ".")) yield return leaf;
            }
            else if (child is not null) yield return (prefix + name, child);
        }
    }
}
