using Crawler.Reports.Tests.Parsing;
using Crawler.Reports.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Crawler.Reports.Tests.Properties;

/// <summary>Arbitrary and truncated text never makes the parser throw; what it cannot find it says so.</summary>
public class MalformedInputProperties
{
    private static readonly string[] AllSeeds = SeedParsing.SeedNames().ToArray();
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(100);
    private static readonly string[] Tables = ["activeDisclosure", "applications", "reviewAndLitigation"];

    private static bool WellFormed(Crawler.Reports.Parsing.ReportParseResult result) =>
        result.IsReport
            ? result.Findings.All(f => FindingCodes.All.Contains(f.Code) && f.Where.Length > 0 && f.Message.Length > 0)
            : result.NotReportReason!.Length > 0 && result.Findings.Count == 0;

    [Fact]
    public void Arbitrary_strings_parse_without_throwing()
    {
        Check.One(Config, Prop.ForAll<string>(text => WellFormed(SeedParsing.Parse(text ?? ""))));
    }

    [Fact]
    public void Lines_of_the_seeds_in_any_order_and_number_parse_without_throwing()
    {
        var lines = AllSeeds.SelectMany(s => SeedParsing.SeedText(s).Split('\n')).ToArray();
        var soup = Gen.ListOf(Gen.Elements(lines)).Select(l => string.Join("\n", l));
        Check.One(Config, Prop.ForAll(soup.ToArbitrary(), text => WellFormed(SeedParsing.Parse(text))));
    }

    [Fact]
    public void Table_like_noise_parses_without_throwing()
    {
        var cell = Gen.Elements("", "0", "12", "/", "—", "无", "-3", "1.5", "合计", "总计", "自然人", "（六）其他处理", "3. 其他", "结果维持", "行政复议", "规章", "第二十条第（一）项", "一、本年新收政府信息公开申请数量", "[bookmark: _x]", "**");
        var row = Gen.Elements("\t", " | ").SelectMany(separator => Gen.ListOf(cell).Select(c => string.Join(separator, c)));
        var text = Gen.ListOf(Gen.OneOf(row, Gen.Elements("", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "2023年政府信息公开工作年度报告", "-2-")))
            .Select(l => string.Join("\n", l));
        Check.One(Config, Prop.ForAll(text.ToArbitrary(), t => WellFormed(SeedParsing.Parse(t))));
    }

    [Fact]
    public void A_truncated_seed_is_a_partial_report_that_names_the_tables_it_lacks()
    {
        var cases = Gen.Elements(AllSeeds).SelectMany(seed => Gen.Choose(0, SeedParsing.SeedText(seed).Length).Select(at => (Seed: seed, At: at)));
        Check.One(Config, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var result = SeedParsing.Parse(SeedParsing.SeedText(c.Seed)[..c.At]);
            if (!WellFormed(result)) return false.Label("malformed result");
            if (!result.IsReport) return (c.At < 200).Label($"not a report although cut at {c.At}");
            var report = result.Report;
            var tables = new[] { report.ActiveDisclosure, report.Applications, report.ReviewAndLitigation };
            // Every table is either (partly) read or reported missing once the title year says one is due.
            var accounted = tables.All(t => !t.IsEmpty || result.Findings.Any(f => f.Code == FindingCodes.TableMissing && f.Where == t.Key)
                || result.Findings.Any(f => f.Code == FindingCodes.BlankCells && f.Where == t.Key));
            return accounted.Label($"{c.Seed} cut at {c.At}: {ParseOutcome.Findings(result)}");
        }));
    }

    [Fact]
    public void A_seed_cut_before_table_three_reports_table_three_missing()
    {
        var text = SeedParsing.SeedText("000_79386d8b7b396ab1");
        var cut = text[..text.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal)];

        var result = SeedParsing.Parse(cut);

        Assert.True(result.IsReport);
        Assert.Equal(["applications", "reviewAndLitigation"],
            result.Findings.Where(f => f.Code == FindingCodes.TableMissing).Select(f => f.Where).Order());
        Assert.Equal(0m, result.Report.ActiveDisclosure["rules", "issued"]);
        Assert.All(Tables, t => Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.BlankCells && f.Where == t));
    }

    [Theory]
    [InlineData("")]
    [InlineData("今天天气很好。\n\n我们去公园散步。")]
    [InlineData("<html><body>404 Not Found</body></html>")]
    public void Text_that_is_no_report_is_not_a_report_with_a_reason(string text)
    {
        var result = SeedParsing.Parse(text);

        Assert.False(result.IsReport);
        Assert.Contains("未找到", result.NotReportReason);
    }
}
