using System.ComponentModel.DataAnnotations;

namespace Crawler.Pipeline.Storage;

/// <summary>The "Storage" configuration section: where the embedded state, archive and WARC files live.</summary>
public sealed record StorageOptions : IValidatableObject
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

    /// <summary>
    /// Where the state lives: <see cref="StorageProvider.Sqlite"/> (the embedded default, <c>state.db</c> in the data
    /// directory) or <see cref="StorageProvider.PostgreSql"/> (one database shared by several workers, named by
    /// <see cref="ConnectionString"/>). The archive and the WARC files stay in <see cref="DataDirectory"/> either way.
    /// </summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>The Npgsql connection string of the PostgreSQL database (Provider=PostgreSql only).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>This node's name in WARC file names and outbox claims; the machine name when unset.</summary>
    public string? NodeName { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage__Provider=PostgreSql 需要 Storage__ConnectionString（an Npgsql connection string, e.g. Host=db;Database=crawler;Username=crawler;Password=…）",
                [nameof(ConnectionString)]);
        }
    }

    /// <summary>
    /// The node whose own writer lock a writer takes in the data folder when nodes share it (the PostgreSQL store: the
    /// state is in the database, the folder holds only the archive and per-node WARC files); null: the folder's one lock.
    /// </summary>
    public string? SharedFolderNode => Provider == StorageProvider.PostgreSql ? Node() : null;

    /// <summary><see cref="NodeName"/>, or the machine name, reduced to letters, digits, '-' and '_' (it names files).</summary>
    public string Node() => new((string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName.Trim())
        .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}

/// <summary>The state store's engine (<c>Storage__Provider</c>).</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
