namespace Crawler.Pipeline.Processing;

/// <summary>What processing one fetched document came to, for the crawl summary.</summary>
public enum ProcessingOutcomeKind
{
    /// <summary>The first version of a report (agency + year) not seen before.</summary>
    NewReport,

    /// <summary>A changed report: stored as a new version beside the old ones.</summary>
    NewVersion,

    /// <summary>Nothing new: 304, the same bytes, or the same text as the latest version.</summary>
    Unchanged,

    /// <summary>Not an annual report (a look-alike), or a page that only links the report as an attachment.</summary>
    NotAReport,

    /// <summary>Fetch failed, or the document was quarantined (extraction/parse failed) to be retried next run.</summary>
    Failed,
}
