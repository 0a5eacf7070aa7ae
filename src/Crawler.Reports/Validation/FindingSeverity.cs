namespace Crawler.Reports.Validation;

public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}
