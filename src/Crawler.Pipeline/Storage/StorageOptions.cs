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

    /// <summary>
    /// Open the state database for reading only (the read-only commands: reports, search, compliance, export,
    /// status): nothing is written, not even a migration, so a read-only data folder or mount works.
    /// </summary>
    public bool ReadOnly { get; init; }
}
