using Crawler.Reports.Publication;

namespace Crawler.Reports.Tests.Publication;

public class PublicationDecisionTests
{
    private static PublicationDate D(string date, DateSource source, DatePrecision precision = DatePrecision.Day) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), source, source.ToString()) { Precision = precision };

    [Fact]
    public void The_tiers_decide_in_order_page_url_list_document_last_modified_fetch()
    {
        var all = new List<PublicationDate>
        {
            D("2024-03-01", DateSource.FirstFetched), D("2024-02-20", DateSource.LastModified), D("2024-01-20", DateSource.DocumentCreated),
            D("2024-01-21", DateSource.Signature), D("2024-01-24", DateSource.ListEntry), D("2024-01-25", DateSource.Url),
            D("2024-01-26", DateSource.PageText), D("2024-01-26", DateSource.PageMetadata),
        };
        var expected = new[]
        {
            DateSource.PageMetadata, DateSource.PageText, DateSource.Url, DateSource.ListEntry, DateSource.Signature, DateSource.DocumentCreated,
            DateSource.LastModified, DateSource.FirstFetched,
        };
        foreach (var source in expected)
        {
            var decision = PublicationDecision.Decide(all)!;
            Assert.Equal(source, decision.Chosen.Source);
            Assert.Equal(source == DateSource.FirstFetched, decision.FromFetchOnly);
            all.RemoveAll(d => d.Source == source);
        }
        Assert.Null(PublicationDecision.Decide(all));
    }

    [Fact]
    public void A_month_in_the_url_is_refined_by_a_day_of_that_month_from_a_lower_tier_but_not_by_the_fetch()
    {
        var month = D("2024-01-01", DateSource.Url, DatePrecision.Month);
        Assert.Equal(DateSource.ListEntry, PublicationDecision.Decide([month, D("2024-01-25", DateSource.ListEntry)])!.Chosen.Source);
        Assert.Equal(month, PublicationDecision.Decide([month, D("2024-02-25", DateSource.ListEntry)])!.Chosen);
        Assert.Equal(month, PublicationDecision.Decide([month, D("2024-01-25", DateSource.FirstFetched)])!.Chosen);
    }

    [Fact]
    public void Claims_more_than_a_day_apart_give_one_conflict_naming_both_dates()
    {
        var decision = PublicationDecision.Decide([D("2024-01-25", DateSource.PageMetadata), D("2024-02-06", DateSource.Url), D("2024-01-26", DateSource.ListEntry)])!;

        var finding = Assert.Single(PublicationRule.Check(decision));
        Assert.Equal("PUBLISHED_AT_CONFLICT", finding.Code);
        Assert.Equal("publishedAt", finding.Where);
        Assert.Contains("2024-01-25", finding.Message);
        Assert.Contains("2024-02-06", finding.Message);
    }

    [Fact]
    public void A_day_apart_a_later_last_modified_and_an_earlier_document_are_consistent()
    {
        var decision = PublicationDecision.Decide(
        [
            D("2024-01-25", DateSource.PageMetadata), D("2024-01-26", DateSource.Url), D("2024-01-25", DateSource.ListEntry),
            D("2024-01-10", DateSource.Signature), D("2024-01-09", DateSource.DocumentCreated), D("2026-05-01", DateSource.LastModified),
            D("2026-05-02", DateSource.FirstFetched),
        ])!;
        Assert.Empty(PublicationRule.Check(decision));
    }

    [Fact]
    public void A_document_signed_after_its_publication_is_a_conflict()
    {
        var decision = PublicationDecision.Decide([D("2024-01-25", DateSource.PageMetadata), D("2024-02-03", DateSource.Signature)])!;
        var finding = Assert.Single(PublicationRule.Check(decision));
        Assert.Contains("落款日期 2024-02-03", finding.Message);
    }

    [Fact]
    public void A_day_outside_the_urls_month_is_a_conflict_inside_it_is_not()
    {
        var month = D("2024-01-01", DateSource.Url, DatePrecision.Month);
        Assert.Empty(PublicationRule.Check(PublicationDecision.Decide([D("2024-01-30", DateSource.PageText), month])!));
        Assert.Empty(PublicationRule.Check(PublicationDecision.Decide([D("2024-02-01", DateSource.PageText), month])!));
        Assert.Single(PublicationRule.Check(PublicationDecision.Decide([D("2024-02-06", DateSource.PageText), month])!));
    }

    [Fact]
    public void The_dates_survive_their_json_form()
    {
        PublicationDate[] dates = [D("2024-01-25", DateSource.PageMetadata), D("2024-01-01", DateSource.Url, DatePrecision.Month) with { Evidence = "网址 “/202401/”" }];
        Assert.Equal(dates, PublicationJson.Deserialize(PublicationJson.Serialize(dates)));
        Assert.Empty(PublicationJson.Deserialize(null));
    }
}
