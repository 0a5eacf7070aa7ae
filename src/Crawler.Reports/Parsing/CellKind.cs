namespace Crawler.Reports.Parsing;

/// <summary>What a printed table cell holds, as far as the figures are concerned.</summary>
internal enum CellKind
{
    Blank,
    Number,
    /// <summary>A mark that means "nothing to report": "/", "—", "无". Recorded as null, like a blank.</summary>
    NullMark,
    Label,
}
