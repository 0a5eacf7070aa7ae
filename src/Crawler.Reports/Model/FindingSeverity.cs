namespace Crawler.Reports.Model;

public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}
