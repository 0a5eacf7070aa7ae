using System.Security.Cryptography;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Faults;
using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Archiving;

/// <summary>
/// Every fetched body, byte for byte, under <c>&lt;root&gt;/sha256/ab/cd/&lt;sha256&gt;</c>. Writes go to a
/// temporary file in the target folder, are flushed to disk and then renamed, so a crash never leaves a
/// half-written file under a hash name; storing bytes that are already present is a no-op.
/// Bodies are streamed, never loaded whole.
/// </summary>
public sealed class ContentAddressedArchive : IArchivedContent
{
    private const int BufferSize = 81920;

    public ContentAddressedArchive(string root) => Root = System.IO.Path.GetFullPath(root);

    public string Root { get; }

    public string PathFor(string sha256)
    {
        if (!IsSha256(sha256)) throw new ArgumentException($"不是 sha256 十六进制串: '{sha256}'", nameof(sha256));
        return System.IO.Path.Combine(Root, "sha256", sha256[..2], sha256[2..4], sha256);
    }

    public bool Contains(string sha256) => IsSha256(sha256) && File.Exists(PathFor(sha256));

    public Stream OpenRead(string sha256) =>
        new FileStream(PathFor(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>The archived body, or null when these bytes are not in the archive.</summary>
    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Contains(sha256) ? OpenRead(sha256) : null);

    /// <summary>Archives the bytes of <paramref name="file"/> (left in place: the caller owns it).</summary>
    public async Task<ArchivedBody> StoreFileAsync(string file, string? claimedSha256, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await StoreAsync(source, claimedSha256, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ArchivedBody> StoreAsync(Stream content, string? claimedSha256, CancellationToken cancellationToken)
    {
        var staging = System.IO.Path.Combine(Root, "sha256", "incoming");
        Directory.CreateDirectory(staging);
        ScratchFiles.SweepOnce(staging, ".", ".part");
        var temp = System.IO.Path.Combine(staging, ScratchFiles.Name(".", ".part"));
        try
        {
            var (sha256, length) = await CopyHashingAsync(content, temp, cancellationToken).ConfigureAwait(false);
            CrashPoint.Reach(CrashPhase.Archive);
            var target = PathFor(sha256);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            if (!IsIntact(target, length))
            {
                // The same volume as the target, so the rename is atomic: readers see all bytes or none.
                File.Move(temp, target, overwrite: true);
            }
            var claimed = claimedSha256 is null || string.Equals(claimedSha256, sha256, StringComparison.OrdinalIgnoreCase) ? null : claimedSha256;
            return new ArchivedBody(sha256, length, target) { ClaimedSha256 = claimed };
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static async Task<(string Sha256, long Length)> CopyHashingAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long length = 0;
        await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                length += read;
            }
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            target.Flush(flushToDisk: true);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    // A file left by an earlier run is trusted when its length matches: its name was only ever given
    // by a rename after a flushed, hashed write. A length mismatch means outside damage; it is replaced.
    private static bool IsIntact(string target, long length) =>
        File.Exists(target) && new FileInfo(target).Length == length;

    private static bool IsSha256(string value) =>
        value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
