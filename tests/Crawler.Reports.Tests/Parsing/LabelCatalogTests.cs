using Crawler.Reports.Parsing;

namespace Crawler.Reports.Tests.Parsing;

public class LabelCatalogTests
{
    private static LabelMatch? Row(string printed) => LabelCatalogs.ApplicationRows.Match(printed);

    [Theory]
    [InlineData("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "partiallyGranted")]
    [InlineData("3. 危及\"三安全一稳定\"", "deniedSecurityStability")]
    [InlineData("[bookmark: _Hlk66973412]一、本年新收政府信息公开申请数量", "newReceived")]
    [InlineData("1、本机关不掌握相关政府信息", "unavailableNotHeld")]
    [InlineData("（七）总计", "totalHandled")]
    public void Typographic_differences_are_an_exact_match(string printed, string key)
    {
        var match = Row(printed)!;

        Assert.Equal(key, match.Key);
        Assert.True(match.Exact);
    }

    [Theory]
    [InlineData("一、上年结转政府信息公开申请数量", "carriedOver")]
    [InlineData("1. 属于国家机密", "deniedStateSecret")]
    [InlineData("2. 其他法律法规禁止公开", "deniedProhibitedByLaw")]
    [InlineData("1. 申请人无正当理由逾期不不不补正、行政机关不再处理其政府信息公开申请", "otherNoCorrection")]
    [InlineData("(二) 部分公开", "partiallyGranted")]
    [InlineData("（七）合计", "totalHandled")]
    public void Typos_synonyms_abbreviations_and_wrong_ordinals_are_a_variant(string printed, string key)
    {
        var match = Row(printed)!;

        Assert.Equal(key, match.Key);
        Assert.False(match.Exact);
    }

    [Theory]
    [InlineData("（三）不予公开")]
    [InlineData("申请人情况")]
    [InlineData("法人或其他组织")]
    [InlineData("果")]
    public void Group_and_header_labels_match_no_row(string printed)
    {
        Assert.Null(Row(printed));
    }

    [Fact]
    public void Column_synonyms_match_their_column_as_a_variant()
    {
        Assert.Equal(("socialWelfareOrganization", false), Pair(LabelCatalogs.ApplicantColumns.Match("社会组织", fuzzy: false)));
        Assert.Equal(("total", false), Pair(LabelCatalogs.ApplicantColumns.Match("合计", fuzzy: false)));
        Assert.Equal(("other", true), Pair(LabelCatalogs.ApplicantColumns.Match("其他", fuzzy: false)));
        Assert.Null(LabelCatalogs.ApplicantColumns.Match("法人或其他组织", fuzzy: false));
    }

    private static (string, bool) Pair(LabelMatch? match) => (match!.Key, match.Exact);
}
