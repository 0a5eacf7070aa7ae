using Crawler.LoadTest.SearchScale;
using Crawler.Pipeline.Search;

namespace Crawler.Worker.Tests.Scale;

/// <summary>
/// The search benchmark's archive at CI size (2,000 versions through the worker's store and index path): every
/// kind of query of the benchmark's mix finds exactly the reports the generator put the words in, filters narrow
/// to exactly the right reports, and ranking puts the obvious reports first. Timing is the benchmark's job
/// (docs/benchmarks.md, "Embedded search at 100,000 versions"), not this test's.
/// </summary>
public sealed class SearchAtScaleTests(SearchArchiveFixture archive) : IClassFixture<SearchArchiveFixture>
{
    private Task<SearchResults> Search(SearchQuery query) => archive.Archive.Search.SearchAsync(query, CancellationToken.None);

    private HashSet<long> Ids(IEnumerable<SyntheticVersion> versions) => versions.Select(archive.IdOf).ToHashSet();

    [Fact]
    public async Task A_rare_phrase_finds_exactly_the_reports_that_carry_it()
    {
        var expected = archive.Latest.Where(v => SyntheticReports.HasRarePhrase(v.Report)).ToList();

        var results = await Search(new SearchQuery(SyntheticReports.RarePhrase) { Limit = 500 });

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, results.Total);
        Assert.Equal(Ids(expected), results.Hits.Select(h => h.VersionId).ToHashSet());
        Assert.All(results.Hits, h => Assert.Contains("【" + SyntheticReports.RarePhrase + "】", h.Snippet, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_medium_phrase_counts_every_report_that_carries_it_and_shows_the_first_ten()
    {
        var expected = Ids(archive.Latest.Where(v => SyntheticReports.HasMediumPhrase(v.Report)));

        var page = await Search(new SearchQuery(SyntheticReports.MediumPhrase) { Limit = 10 });
        var all = await Search(new SearchQuery(SyntheticReports.MediumPhrase) { Limit = 500 });

        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(10, page.Hits.Count);
        Assert.Equal(expected, all.Hits.Select(h => h.VersionId).ToHashSet());
        Assert.Equal(all.Hits.Take(10).Select(h => h.VersionId), page.Hits.Select(h => h.VersionId));
    }

    [Fact]
    public async Task An_agency_name_finds_that_agencys_reports_of_every_year_and_no_other()
    {
        var agency = archive.Latest.GroupBy(v => v.Agency).First(g => g.Count() >= 2).Key;
        var expected = Ids(archive.Latest.Where(v => v.Agency == agency));

        var results = await Search(new SearchQuery(agency) { Limit = 50 });

        Assert.Equal(expected, results.Hits.Select(h => h.VersionId).ToHashSet());
        Assert.All(results.Hits, h => Assert.Equal(agency, h.Agency));
    }

    [Fact]
    public async Task A_department_name_ranks_that_departments_reports_first()
    {
        var department = archive.Latest.Count(v => v.Agency.EndsWith("商务局", StringComparison.Ordinal));

        var results = await Search(new SearchQuery("商务局") { Limit = 10 });

        Assert.True(department >= 10, $"only {department} 商务局 reports in the archive");
        Assert.True(results.Total >= department, $"{results.Total} hits for 商务局, {department} 商务局 reports");
        Assert.All(results.Hits, h => Assert.EndsWith("商务局", h.Agency, StringComparison.Ordinal));
        Assert.Equal(results.Hits.OrderByDescending(h => h.Score).Select(h => h.VersionId), results.Hits.Select(h => h.VersionId));
    }

    [Theory]
    [InlineData(2016)]
    [InlineData(2020)]
    [InlineData(2024)]
    public async Task A_year_filter_keeps_exactly_that_years_reports(int year)
    {
        var results = await Search(new SearchQuery("复议") { Year = year, Limit = 500 });

        Assert.Equal(archive.Latest.Count(v => v.Year == year), results.Total);
        Assert.Equal(Ids(archive.Latest.Where(v => v.Year == year)), results.Hits.Select(h => h.VersionId).ToHashSet());
    }

    [Fact]
    public async Task An_agency_filter_keeps_exactly_the_agencies_containing_it()
    {
        var place = SyntheticReports.Place(SyntheticReports.Identity(0).Place);
        var expected = Ids(archive.Latest.Where(v => v.Agency.Contains(place, StringComparison.Ordinal)));

        var results = await Search(new SearchQuery("复议") { Agency = place, Limit = 500 });

        Assert.Equal(expected.Count, results.Total);
        Assert.Equal(expected, results.Hits.Select(h => h.VersionId).ToHashSet());
    }

    [Fact]
    public async Task A_word_in_every_report_counts_latest_versions_by_default_and_all_versions_on_request()
    {
        var latest = await Search(new SearchQuery("复议") { Limit = 10 });
        var all = await Search(new SearchQuery("复议") { Limit = 10, AllVersions = true });
        var revised = await Search(new SearchQuery("修订版") { Limit = 500 });

        Assert.Equal(archive.Latest.Count, latest.Total);
        Assert.Equal(SearchArchiveFixture.Versions, all.Total);
        Assert.Equal(Ids(archive.Stored.Where(v => v.Revised)), revised.Hits.Select(h => h.VersionId).ToHashSet());
    }

    [Theory]
    [InlineData("复议", null, null, false)]
    [InlineData("商务", null, null, false)]
    [InlineData("政府信息公开工作年度报告", null, null, false)]
    [InlineData("一网通办", null, null, false)]
    [InlineData("商务 2021年", null, null, false)]
    [InlineData("复议", null, 2019, false)]
    [InlineData("复议", "东山", null, false)]
    [InlineData("商务局", "东", 2022, false)]
    [InlineData("复议", null, null, true)]
    public async Task The_faster_query_returns_the_same_hits_scores_and_total_as_the_reference(string text, string? agency, int? year, bool allVersions)
    {
        var query = new SearchQuery(text) { Agency = agency, Year = year, AllVersions = allVersions, Limit = 25 };

        var reference = await ReferenceSearch.RunAsync(archive.Archive.Database, query);
        var results = await Search(query);

        Assert.True(reference.Total > 0, "the reference found nothing: the case proves nothing");
        Assert.Equal(reference.Total, results.Total);
        Assert.Equal(reference.Hits.Select(h => h.Id), results.Hits.Select(h => h.VersionId));
        Assert.Equal(reference.Hits.Select(h => h.Score), results.Hits.Select(h => h.Score));
    }

    [Fact]
    public async Task An_absent_term_finds_nothing()
    {
        var results = await Search(new SearchQuery("量子纠缠"));

        Assert.True(results.Succeeded);
        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }
}
