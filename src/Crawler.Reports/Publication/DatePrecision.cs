namespace Crawler.Reports.Publication;

/// <summary>How much of a date a source gives: a day, or only a month (a /202401/ folder in a URL).</summary>
public enum DatePrecision
{
    Day,
    Month,
}
