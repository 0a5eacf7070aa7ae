namespace Crawler.Pipeline.Compliance;

/// <summary>Region names as the sources give them (山东省聊城市, 北京市海淀区, 中央).</summary>
public static class Regions
{
    /// <summary>The province-level part of a region (山东省聊城市 → 山东省; 北京市海淀区 → 北京市; 内蒙古自治区… → 内蒙古自治区).</summary>
    public static string Province(string region)
    {
        foreach (var marker in new[] { "自治区", "省", "特别行政区" })
        {
            var at = region.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0) return region[..(at + marker.Length)];
        }
        var city = region.IndexOf('市', StringComparison.Ordinal);
        return city > 0 ? region[..(city + 1)] : region;
    }
}
