namespace Crawler.Reports.Model;

/// <summary>
/// The layout a report follows, detected from its printed structure (never from the notice it cites).
/// 2021: 国办公开办函〔2021〕30号; 2019: 国办公开办函〔2019〕60号; Free: older free-text reports.
/// </summary>
public enum ReportTemplate
{
    Template2021,
    Template2019,
    Free,
}
