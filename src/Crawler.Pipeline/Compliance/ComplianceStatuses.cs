namespace Crawler.Pipeline.Compliance;

/// <summary>The stable names (JSON, CSV, index) and the Chinese labels of <see cref="ComplianceStatus"/>.</summary>
public static class ComplianceStatuses
{
    public static string Name(ComplianceStatus status) => status switch
    {
        ComplianceStatus.OnTime => "onTime",
        ComplianceStatus.Late => "late",
        ComplianceStatus.Missing => "missing",
        _ => "unknownDate",
    };

    public static ComplianceStatus? FromName(string? name) =>
        Enum.GetValues<ComplianceStatus>().Cast<ComplianceStatus?>().FirstOrDefault(s => Name(s!.Value) == name);

    /// <summary>按时发布, 逾期发布（6 天）, 未发布, 日期不明.</summary>
    public static string Label(ComplianceStatus status, int? daysLate = null) => status switch
    {
        ComplianceStatus.OnTime => "按时发布",
        ComplianceStatus.Late => daysLate is { } days ? $"逾期发布（{days} 天）" : "逾期发布",
        ComplianceStatus.Missing => "未发布",
        _ => "日期不明",
    };
}
