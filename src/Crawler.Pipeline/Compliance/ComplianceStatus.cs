namespace Crawler.Pipeline.Compliance;

/// <summary>Where an agency stands for one report year, as the supervising office (政务公开办) asks it.</summary>
public enum ComplianceStatus
{
    /// <summary>A report for the year is archived; its first copy was found by the deadline.</summary>
    Published,

    /// <summary>A report is archived, but the crawler first found it after the deadline.</summary>
    FoundAfterDeadline,

    /// <summary>No report for the year has been found.</summary>
    Missing,
}
