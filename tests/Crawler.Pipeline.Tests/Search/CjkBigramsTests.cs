using Crawler.Pipeline.Search;

namespace Crawler.Pipeline.Tests.Search;

public sealed class CjkBigramsTests
{
    [Theory]
    [InlineData("商务局", " 商务 务局")]
    [InlineData("复议", " 复议")]
    [InlineData("局", " 局")]
    [InlineData("2023年度报告", " 2023 年度 度报 报告")]
    [InlineData("ＰＤＦ版（２０２３）", " PDF 版 2023")]
    [InlineData("依申请公开，共3件。", " 依申 申请 请公 公开 共 3 件")]
    public void Chinese_runs_become_overlapping_bigrams_and_other_text_stays_words(string text, string expected) =>
        Assert.Equal(expected, CjkBigrams.IndexTerms(text));

    [Theory]
    [InlineData("商务", "\"商务\"")]
    [InlineData("政府信息公开", "\"政府 府信 信息 息公 公开\"")]
    [InlineData("2023年", "\"2023 年\" *")]
    [InlineData("商务  复议", "\"商务\" AND \"复议\"")]
    [InlineData("\"复议\" OR x*", "\"复议\" AND \"OR\" AND \"x\"")]
    public void A_query_compiles_to_phrases_of_bigrams_joined_by_and(string query, string match)
    {
        var (expression, error) = SearchExpression.Compile(query);
        Assert.Null(error);
        Assert.Equal(match, expression!.Match);
    }

    [Theory]
    [InlineData("", "查询为空")]
    [InlineData("   ", "查询为空")]
    [InlineData("局", "单个汉字「局」无法检索")]
    [InlineData("，。", "没有可检索的文字")]
    public void Queries_that_cannot_match_are_refused_with_a_reason(string query, string reason)
    {
        var (expression, error) = SearchExpression.Compile(query);
        Assert.Null(expression);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void The_snippet_is_cut_from_the_original_text_around_the_first_hit_with_the_hit_marked()
    {
        var text = new string('甲', 100) + "\n本机关收到行政复议申请1件。" + new string('乙', 100);

        var snippet = SearchSnippet.Build(text, ["复议"], before: 5, after: 5);

        Assert.Equal("…关收到行政【复议】申请1件。…", snippet);
        Assert.Equal("甲 本机关收到【复议】…", SearchSnippet.Build("甲\n本机关收到复议" + new string('乙', 10), ["复议"], before: 7, after: 0));
    }
}
