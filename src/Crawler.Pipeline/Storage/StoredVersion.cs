namespace Crawler.Pipeline.Storage;

/// <summary>The version a draft became (or already was).</summary>
public sealed record StoredVersion(long VersionId, long ReportId, int Version, VersionChange Change)
{
    /// <summary>For <see cref="VersionChange.RenditionDiffers"/>: the finding's message.</summary>
    public string? Detail { get; init; }
}
