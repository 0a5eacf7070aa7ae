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

    /// <summary>Different bytes, same extracted text as the latest version (a page's counter or date changed).</summary>
    SameText,
}
