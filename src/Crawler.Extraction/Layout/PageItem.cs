namespace Crawler.Extraction.Layout;

/// <summary>In reading order on a page: either a prose line or a table region.</summary>
internal sealed record PageItem(LayoutLine? Line, TableRegion? Region);
