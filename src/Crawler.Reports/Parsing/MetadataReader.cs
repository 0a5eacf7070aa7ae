using System.Text.RegularExpressions;
using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>Reads title, agency, year, statistical period and the prose of sections 一, 五 and 六.</summary>
internal static partial class MetadataReader
{
    public static ReportMetadata Read(ReportOutline outline)
    {
        var introduction = outline.IntroductionParagraphs().ToArray();
        var overview = outline.SectionParagraphs(1).ToArray();
        // PDF text wraps mid-sentence ("统计期限自 2022 年 1 月" / "1 日起…"): search the prose joined without breaks.
        var introText = string.Concat(introduction);
        var beforeTables = introText + string.Concat(overview);
        var title = outline.Title is { } t ? WhiteSpace().Replace(t, " ").Trim() : null;
        var period = PeriodReader.Read(beforeTables);
        var year = YearOf(title) ?? YearOf(introText) ?? period?.From.Year;
        var agency = AgencyReader.FromTitle(title)
            ?? AgencyReader.FromText(introText, string.Concat(outline.Document.Paragraphs.Select(p => p.Text)));
        var sections = new ReportSections(Join(overview), Join(outline.SectionParagraphs(5)), Join(outline.SectionParagraphs(6)));
        var introYears = ReportYear().Matches(introText).Select(m => int.Parse(m.Groups[1].ValueSpan)).ToArray();
        return new ReportMetadata(title, agency, year, period, sections, introYears);
    }

    private static int? YearOf(string? text)
    {
        if (text is null) return null;
        var match = Year().Match(text);
        return match.Success ? int.Parse(match.Groups[1].ValueSpan) : null;
    }

    private static string? Join(IEnumerable<string> paragraphs)
    {
        var text = string.Join("\n", paragraphs);
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex Year();

    /// <summary>The year the introduction gives its own report: "现公布环翠区商务局2022年度政府信息公开工作年度报告".</summary>
    [GeneratedRegex(@"((?:19|20)\d{2})\s*年度?[^。；！？\d《》]{0,25}?(?:政府)?信息公开(?:工作)?年度报告")]
    private static partial Regex ReportYear();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
