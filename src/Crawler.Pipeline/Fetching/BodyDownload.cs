using System.Globalization;
using System.Security.Cryptography;
using Crawler.Pipeline.Faults;
using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// A response body streamed to a temporary file while its sha256 is computed. Never buffered in memory, so a 2 GB
/// response costs at most <see cref="FetchOptions.MaxBodyBytes"/> on disk before it is aborted.
/// </summary>
internal sealed record BodyDownload(string? Path, long Length, string? Sha256, string? Error, byte[] Head)
{
    private const int HeadSize = 16 * 1024;

    /// <param name="declaredLength">
    /// The response's Content-Length, when it has one: a body that has all its declared bytes is complete, so it is
    /// never aborted as trickling however long the reading took (a worker starved of CPU reads a small page late —
    /// seen as 2 of 12 list pages in a loaded test run and 74 false aborts in the season-sized load run).
    /// </param>
    public static async Task<BodyDownload> SaveAsync(Stream body, FetchOptions options, TimeProvider time, CancellationToken cancellationToken,
        long? declaredLength = null)
    {
        Directory.CreateDirectory(options.BodyDirectory);
        ScratchFiles.SweepOnce(options.BodyDirectory, "", ".body");
        var path = System.IO.Path.Combine(options.BodyDirectory, ScratchFiles.Name("", ".body"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new MemoryStream();
        var buffer = new byte[64 * 1024];
        long length = 0;
        var started = time.GetTimestamp();
        string? error = null;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                while (true)
                {
                    int read;
                    using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        idle.CancelAfter(options.IdleTimeout);
                        try
                        {
                            read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                        {
                            error = $"the server sent nothing for {Seconds(options.IdleTimeout)} after {length} bytes (idle timeout)";
                            break;
                        }
                    }
                    if (read == 0) break;
                    length += read;
                    if (length > options.MaxBodyBytes)
                    {
                        error = $"the body exceeds the size limit of {options.MaxBodyBytes} bytes; aborted";
                        break;
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    hash.AppendData(buffer, 0, read);
                    if (head.Length < HeadSize) head.Write(buffer, 0, (int)Math.Min(read, HeadSize - head.Length));
                    if (length == read) CrashPoint.Reach(CrashPhase.Fetch);

                    var elapsed = time.GetElapsedTime(started);
                    var complete = length >= declaredLength.GetValueOrDefault(long.MaxValue);
                    if (!complete && elapsed > options.TransferRateGracePeriod && options.MinTransferBytesPerSecond > 0
                        && length / elapsed.TotalSeconds < options.MinTransferBytesPerSecond)
                    {
                        error = string.Create(CultureInfo.InvariantCulture,
                            $"the server trickles: {length / elapsed.TotalSeconds:0} bytes/s over {Seconds(elapsed)}, below the minimum of {options.MinTransferBytesPerSecond} bytes/s; aborted");
                        break;
                    }
                }
            }
        }
        catch
        {
            // Cancelled or the connection broke mid-body: no partial file may stay behind.
            File.Delete(path);
            throw;
        }

        if (error is not null)
        {
            File.Delete(path);
            return new BodyDownload(null, length, null, error, head.ToArray());
        }
        return new BodyDownload(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()), null, head.ToArray());
    }

    public void Discard()
    {
        if (Path is not null && File.Exists(Path)) File.Delete(Path);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
