namespace Crawler.Extraction;

/// <summary>A link found in a page body that points at a document file (<see cref="Html.AttachmentFiles"/>), with its link text.</summary>
public sealed record AttachmentLink(Uri Url, string? Text);
