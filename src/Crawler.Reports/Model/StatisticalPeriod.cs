namespace Crawler.Reports.Model;

/// <summary>The statistical period as printed (统计期限), e.g. 2023-01-01 to 2023-12-31.</summary>
public sealed record StatisticalPeriod(DateOnly From, DateOnly To);
