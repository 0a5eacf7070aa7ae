using System.Text.Json.Nodes;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Tests.Shared;

namespace Crawler.Reports.Tests.Json;

public class ReportJsonTests
{
    public static TheoryData<string> GoldFiles() => new(Directory.GetFiles(RepositoryPaths.Gold, "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void A_gold_file_reads_and_writes_back_to_the_same_figures(string file)
    {
        var gold = File.ReadAllText(Path.Combine(RepositoryPaths.Gold, file));

        var written = JsonNode.Parse(ReportJson.Serialize(ReportJson.Deserialize(gold)))!;
        var expected = JsonNode.Parse(gold)!;

        foreach (var table in new[] { "activeDisclosure", "applications", "reviewAndLitigation" })
        {
            foreach (var (row, cells) in expected[table]!.AsObject())
            {
                foreach (var (cell, value) in cells!.AsObject())
                {
                    var actual = written[table]![row]![cell];
                    Assert.True(value is null ? actual is null : actual is not null && actual.GetValue<decimal>() == value.GetValue<decimal>(),
                        $"{table}.{row}.{cell}: expected {value?.ToJsonString() ?? "null"}, wrote {actual?.ToJsonString() ?? "null"}");
                }
            }
        }
        Assert.Equal(expected["agency"]!.GetValue<string>(), written["agency"]!.GetValue<string>());
        Assert.Equal(expected["year"]!.GetValue<int>(), written["year"]!.GetValue<int>());
        Assert.Equal(expected["template"]!.GetValue<string>(), written["template"]!.GetValue<string>());
    }

    [Fact]
    public void Amounts_are_written_as_decimals_and_blank_cells_as_null()
    {
        var report = AnnualReport.Blank(Template2021.Id);
        report.ActiveDisclosure["fees", "amountTenThousandYuan"] = 0m;
        report.Applications["newReceived", "total"] = 3m;

        var json = JsonNode.Parse(ReportJson.Serialize(new Crawler.Reports.Parsing.ReportParseResult(report, [])))!;

        Assert.Equal("0.0", json["activeDisclosure"]!["fees"]!["amountTenThousandYuan"]!.ToJsonString());
        Assert.Equal("3", json["applications"]!["newReceived"]!["total"]!.ToJsonString());
        Assert.Null(json["applications"]!["newReceived"]!["naturalPerson"]);
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void One_row_read_alone_equals_the_same_row_of_the_whole_report(string file)
    {
        var gold = File.ReadAllText(Path.Combine(RepositoryPaths.Gold, file));
        var report = ReportJson.Deserialize(gold).Report;
        var compared = 0;

        foreach (var table in new[] { report.ActiveDisclosure, report.Applications, report.ReviewAndLitigation })
        {
            foreach (var row in table.Definition.Rows)
            {
                var cells = ReportJson.ReadRow(gold, table.Key, row.Key);
                Assert.Equal(row.Cells.Count, cells.Count);
                foreach (var cell in row.Cells)
                {
                    Assert.True(table[row.Key, cell.Key] == cells[cell.Key], $"{table.Key}.{row.Key}.{cell.Key}: report {table[row.Key, cell.Key]}, row read alone {cells[cell.Key]}");
                    compared++;
                }
            }
        }
        Assert.True(compared > 100, $"only {compared} cells compared");
        Assert.Empty(ReportJson.ReadRow(gold, "applications", "noSuchRow"));
    }
}
