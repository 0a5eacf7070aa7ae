namespace Crawler.Reports.Model;

/// <summary>
/// Something a reader of the report should know: a broken consistency rule (勾稽关系), a repaired
/// column, a label variant. <paramref name="Where"/> is a key path into the model
/// (applications.newReceived, applications.columns.total, reviewAndLitigation.review, statisticalPeriod …);
/// <paramref name="Message"/> is Chinese and names the cells and values.
/// </summary>
public sealed record Finding(string Code, FindingSeverity Severity, string Where, string Message);
