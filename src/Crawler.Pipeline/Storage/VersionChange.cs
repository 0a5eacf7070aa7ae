namespace Crawler.Pipeline.Storage;

/// <summary>What storing a draft did to its report.</summary>
public enum VersionChange
{
    /// <summary>The first version of a report (agency + year) not seen before.</summary>
    NewReport,

    /// <summary>The report's content changed: a new version, the old ones kept.</summary>
    NewVersion,

    /// <summary>These exact bytes are already a version of the report (e.g. the same file at another URL).</summary>
    SameBytes,

    /// <summary>
    /// Different bytes with the content of a stored version (see ReportFingerprint): another rendition of the
    /// report (UTF-8 and GBK page, PDF or DOCX attachment) or a page whose furniture changed.
    /// </summary>
    SameContent,

    /// <summary>
    /// Another document of the same report — the attachment of the page a version comes from, or the page of the
    /// attachment it comes from — with other figures: no new version; the stored one (the preferred document) gets a
    /// RENDITIONS_DISAGREE finding naming this document. Alternating between the two never makes a version.
    /// </summary>
    RenditionDiffers,
}
