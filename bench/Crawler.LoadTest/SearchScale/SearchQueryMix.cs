using Crawler.Pipeline.Search;

namespace Crawler.LoadTest.SearchScale;

/// <summary>
/// The queries a user of <c>crawler search</c> types, by kind: words in nearly every report, words of one
/// department, whole phrases, an agency's name, rare and absent terms, two terms together, and the common
/// word narrowed by year or agency. Each asks for the top 10 and the total count, as the CLI does.
/// </summary>
public static class SearchQueryMix
{
    public const int Limit = 10;

    public static IReadOnlyList<(string Kind, IReadOnlyList<SearchQuery> Queries)> Build(int versions)
    {
        var agencies = Enumerable.Range(0, Math.Min(versions / 2, 400)).Select(r => SyntheticReports.Identity(r))
            .Select(i => (Agency: SyntheticReports.Place(i.Place) + SyntheticReports.Departments[i.Department], Place: SyntheticReports.Place(i.Place)))
            .Distinct().Take(20).ToArray();
        static SearchQuery Q(string text) => new(text) { Limit = Limit };
        return
        [
            ("common word (复议, 公开, 申请)", [Q("复议"), Q("公开"), Q("申请")]),
            ("department word (商务, 教育, 公安, 民政)", [Q("商务"), Q("教育"), Q("公安"), Q("民政")]),
            ("phrase (行政复议, 依申请公开, 政府信息公开工作年度报告)", [Q("行政复议"), Q("依申请公开"), Q("政府信息公开工作年度报告")]),
            ("agency name (e.g. " + agencies[0].Agency + ")", agencies.Select(a => Q(a.Agency)).ToArray()),
            ("rare phrase (" + SyntheticReports.RarePhrase + ", ~0.1 %)", [Q(SyntheticReports.RarePhrase)]),
            ("medium phrase (" + SyntheticReports.MediumPhrase + ", ~2 %)", [Q(SyntheticReports.MediumPhrase)]),
            ("absent (量子纠缠)", [Q("量子纠缠")]),
            ("two terms (商务 2021年)", [Q("商务 2021年"), Q("复议 2019年")]),
            ("common word + --year", Enumerable.Range(SyntheticReports.FirstYear, SyntheticReports.Years).Select(y => Q("复议") with { Year = y }).ToArray()),
            ("common word + --agency (place)", agencies.Select(a => Q("复议") with { Agency = a.Place }).ToArray()),
            ("common word + --all-versions", [Q("复议") with { AllVersions = true }]),
        ];
    }
}
