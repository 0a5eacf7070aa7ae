namespace Crawler.Extraction;

/// <summary>A link found in a page body that points at a document (PDF/DOC/DOCX/WPS/XLS), with its link text.</summary>
public sealed record AttachmentLink(Uri Url, string? Text);
