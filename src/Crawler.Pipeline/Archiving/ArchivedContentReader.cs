using Crawler.Pipeline.Discovery;

namespace Crawler.Pipeline.Archiving;

/// <summary>Lets discovery reread an archived report page (answered 304) to find its attachments again.</summary>
public sealed class ArchivedContentReader(ContentAddressedArchive archive) : IArchivedContent
{
    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(archive.Contains(sha256) ? archive.OpenRead(sha256) : null);
}
