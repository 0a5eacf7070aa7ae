namespace Crawler.Pipeline.Discovery;

/// <summary>
/// Read access to archived bodies by sha256, so that a report page answered with 304 Not Modified can still be
/// searched for its attachments without downloading it again. Implemented by the archive; optional.
/// </summary>
public interface IArchivedContent
{
    /// <summary>The archived body with this sha256, or null when it is not in the archive.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken);
}
