namespace Crawler.Pipeline.Archiving;

/// <summary>
/// A body as the archive holds it. <see cref="ClaimedSha256"/> is the hash the caller announced when it
/// differs from the bytes actually stored (a fetcher bug or a truncated temp file): the bytes are kept
/// under their real hash either way, so nothing is lost, and the caller reports the difference.
/// </summary>
public sealed record ArchivedBody(string Sha256, long Length, string Path)
{
    public string? ClaimedSha256 { get; init; }

    public bool HashMismatch => ClaimedSha256 is not null;
}
