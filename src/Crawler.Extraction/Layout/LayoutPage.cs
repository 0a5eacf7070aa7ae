namespace Crawler.Extraction.Layout;

/// <summary>The words of one page and the page's size, in the same units as the words' boxes.</summary>
public sealed record LayoutPage(int Number, double Width, double Height, IReadOnlyList<LayoutWord> Words);
