using Crawler.Reports.Model;

namespace Crawler.Reports.Parsing;

/// <summary>
/// The template, from the printed structure only: table 2's column headers, then table 3's （六）其他处理
/// (one 2019 row, or three 2021 sub-rows). A 2021 table 2 with the single 2019 row is the mixed case.
/// A （六）其他处理 printed beside the three sub-rows is only their group label: the 2021 layout has no
/// otherHandling row, so it is not filled.
/// </summary>
internal sealed record TemplateDecision(ReportTemplate Template, bool Mixed)
{
    public static TemplateDecision Decide(ReportTemplate? activeTemplate, TableReading applications)
    {
        var singleOtherRow = applications.Has("otherHandling")
            && !applications.Has("otherNoCorrection") && !applications.Has("otherNoFee") && !applications.Has("otherOther");
        return activeTemplate switch
        {
            ReportTemplate.Template2019 => new(ReportTemplate.Template2019, false),
            ReportTemplate.Template2021 => new(ReportTemplate.Template2021, singleOtherRow),
            _ => singleOtherRow ? new(ReportTemplate.Template2019, false) : new(ReportTemplate.Template2021, false),
        };
    }
}
