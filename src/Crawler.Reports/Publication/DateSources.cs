namespace Crawler.Reports.Publication;

/// <summary>The stable names of <see cref="DateSource"/> (the values of <c>publishedAtSource</c>) and their Chinese labels.</summary>
public static class DateSources
{
    public static string Name(DateSource source) => source switch
    {
        DateSource.PageMetadata => "pageMetadata",
        DateSource.PageText => "pageText",
        DateSource.Url => "url",
        DateSource.ListEntry => "listEntry",
        DateSource.Signature => "signature",
        DateSource.DocumentCreated => "documentCreated",
        DateSource.LastModified => "lastModified",
        _ => "firstFetched",
    };

    public static DateSource? FromName(string? name) =>
        Enum.GetValues<DateSource>().Cast<DateSource?>().FirstOrDefault(s => Name(s!.Value) == name);

    public static string Label(DateSource source) => source switch
    {
        DateSource.PageMetadata => "页面元数据",
        DateSource.PageText => "页面发布时间",
        DateSource.Url => "网址中的日期",
        DateSource.ListEntry => "列表页日期",
        DateSource.Signature => "落款日期",
        DateSource.DocumentCreated => "文档创建日期",
        DateSource.LastModified => "HTTP Last-Modified",
        _ => "首次抓取时间",
    };

    /// <summary>Sources of one tier rank alike: the first tier with a date decides (see <see cref="PublicationDecision"/>).</summary>
    public static int Tier(DateSource source) => source switch
    {
        DateSource.PageMetadata or DateSource.PageText => 0,
        DateSource.Url => 1,
        DateSource.ListEntry => 2,
        DateSource.Signature or DateSource.DocumentCreated => 3,
        DateSource.LastModified => 4,
        _ => 5,
    };

    /// <summary>Sources that claim when the report went online (as opposed to when it was written, or a file touched).</summary>
    public static bool ClaimsPublication(DateSource source) => Tier(source) <= 2;
}
