namespace Crawler.Reports.Documents;

/// <summary>One paragraph (or heading) of prose, whitespace as printed.</summary>
public sealed record Paragraph(string Text) : DocumentBlock;
