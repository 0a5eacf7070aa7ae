namespace Crawler.Pipeline.Discovery.Classification;

public enum ReportVerdict
{
    /// <summary>Names nothing of interest.</summary>
    Unrelated,

    /// <summary>Names an annual government-information-disclosure report.</summary>
    Report,

    /// <summary>Names a report column (政府信息公开年报) rather than one report: a list page to follow.</summary>
    ReportColumn,

    /// <summary>Sounds like a report but is not one: 工作要点, 法治政府建设年度报告, 决算, 年报解读, a notice about compiling reports …</summary>
    LookAlike,
}
