using Crawler.Pipeline.Compliance;

namespace Crawler.Worker.Status;

/// <summary>The coloured status labels: 按时发布, 逾期发布（N 天）, 未发布, 日期不明.</summary>
internal static class StatusBadge
{
    public static string Color(ComplianceStatus status) => status switch
    {
        ComplianceStatus.OnTime => "#2e7d32",
        ComplianceStatus.Late => "#d84315",
        ComplianceStatus.Missing => "#b71c1c",
        _ => "#f9a825",
    };

    public static string For(ComplianceRow row) =>
        $"<span class=\"badge {ComplianceStatuses.Name(row.Status)}\">{Html.E(ComplianceStatuses.Label(row.Status, row.DaysLate))}</span>";
}
