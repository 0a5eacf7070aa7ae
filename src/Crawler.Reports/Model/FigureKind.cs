namespace Crawler.Reports.Model;

/// <summary>Counts are whole numbers; money (万元) is a decimal.</summary>
public enum FigureKind
{
    Count,
    Amount,
}
