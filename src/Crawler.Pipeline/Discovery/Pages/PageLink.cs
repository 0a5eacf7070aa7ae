namespace Crawler.Pipeline.Discovery.Pages;

/// <summary>A link found on a page: where it goes and what it says (text and title attribute, whitespace collapsed).</summary>
public sealed record PageLink(Uri Url, string Text)
{
    public string? Title { get; init; }

    /// <summary>The date the list page prints beside this entry, when it prints one (a publication date source).</summary>
    public DateOnly? ListedOn { get; init; }

    /// <summary>Text and title together: list pages often truncate the text (…) and keep the full name in the title.</summary>
    public string Label => Title is null || Title == Text ? Text : $"{Text} {Title}";
}
