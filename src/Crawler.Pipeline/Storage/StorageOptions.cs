using System.ComponentModel.DataAnnotations;

namespace Crawler.Pipeline.Storage;

/// <summary>The "Storage" configuration section: where the embedded state, archive and WARC files live.</summary>
public sealed record StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Relative paths are taken from the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; init; } = "data";

    /// <summary>A WARC file is closed and the next one begun past this size.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long WarcMaxFileBytes { get; init; } = 1L << 30;
}
