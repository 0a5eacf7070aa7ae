using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Archiving;

/// <summary>
/// One crawl's fetches as WARC/1.1 files (<c>crawl-&lt;timestamp&gt;-&lt;n&gt;.warc.gz</c>), each record its own
/// gzip member so standard tools can seek to it. Every file opens with a <c>warcinfo</c> record; an
/// exchange becomes a <c>request</c> and a <c>response</c> record, a 304 a <c>revisit</c>
/// (server-not-modified). Payloads stream from the archive. Safe to share between concurrent fetches.
/// </summary>
public sealed class WarcWriter : IAsyncDisposable
{
    private const string NotModifiedProfile = "http://netpreserve.org/warc/1.1/revisit/server-not-modified";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly WarcFileSequence _files;
    private FileStream? _file;
    private string? _warcinfoId;

    internal WarcWriter(WarcFileSequence files) => _files = files;

    /// <summary>The files written so far, oldest first.</summary>
    public IReadOnlyList<string> Files => _files.Written;

    public async Task WriteExchangeAsync(FetchedResponse response, ArchivedBody body, string? ipAddress, CancellationToken cancellationToken)
    {
        var responseId = WarcRecordHeader.NewRecordId();
        var target = response.FinalUrl.AbsoluteUri;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Roll over between exchanges only, so a request and its response always share a file.
            var file = await CurrentFileAsync(cancellationToken).ConfigureAwait(false);
            await WriteRequestAsync(file, response, responseId, ipAddress, cancellationToken).ConfigureAwait(false);
            await WriteRecordAsync(file, header => header
                    .Add("WARC-Target-URI", target)
                    .Add("WARC-IP-Address", ipAddress)
                    .Add("Content-Type", "application/http;msgtype=response")
                    .Add("WARC-Payload-Digest", WarcDigest.Sha256FromHex(body.Sha256)),
                new WarcRecordHeader("response", responseId, response.FetchedAt), HttpMessageBlock.Response(response, body.Length), body.Path,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A 304: the conditional request, and a revisit saying <paramref name="previous"/> (when known) is still current.</summary>
    public async Task WriteRevisitAsync(FetchedResponse response, KnownFetch? previous, string? ipAddress, CancellationToken cancellationToken)
    {
        var revisitId = WarcRecordHeader.NewRecordId();
        var target = response.FinalUrl.AbsoluteUri;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var file = await CurrentFileAsync(cancellationToken).ConfigureAwait(false);
            await WriteRequestAsync(file, response, revisitId, ipAddress, cancellationToken).ConfigureAwait(false);
            await WriteRecordAsync(file, header => header
                    .Add("WARC-Target-URI", target)
                    .Add("WARC-IP-Address", ipAddress)
                    .Add("WARC-Profile", NotModifiedProfile)
                    .Add("WARC-Refers-To-Target-URI", previous is null ? null : target)
                    .Add("WARC-Refers-To-Date", previous is null ? null : WarcRecordHeader.Date(previous.FetchedAt))
                    .Add("Content-Type", "application/http;msgtype=response")
                    .Add("WARC-Payload-Digest", previous is null ? null : WarcDigest.Sha256FromHex(previous.Sha256)),
                new WarcRecordHeader("revisit", revisitId, response.FetchedAt), HttpMessageBlock.Response(response, null), null,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task WriteRequestAsync(FileStream file, FetchedResponse response, string concurrentTo, string? ipAddress, CancellationToken cancellationToken) =>
        WriteRecordAsync(file, header => header
                .Add("WARC-Target-URI", response.FinalUrl.AbsoluteUri)
                .Add("WARC-Concurrent-To", concurrentTo)
                .Add("WARC-IP-Address", ipAddress)
                .Add("Content-Type", "application/http;msgtype=request"),
            new WarcRecordHeader("request", WarcRecordHeader.NewRecordId(), response.FetchedAt), HttpMessageBlock.Request(response), null, cancellationToken);

    private async Task WriteRecordAsync(FileStream file, Func<WarcRecordHeader, WarcRecordHeader> fields, WarcRecordHeader header, byte[] head, string? payloadFile,
        CancellationToken cancellationToken)
    {
        fields(header).Add("WARC-Warcinfo-ID", _warcinfoId);
        var payloadLength = payloadFile is null ? 0 : new FileInfo(payloadFile).Length;
        header.Add("WARC-Block-Digest", await BlockDigestAsync(head, payloadFile, cancellationToken).ConfigureAwait(false));
        await WriteMemberAsync(file, header.ToBytes(head.Length + payloadLength), head, payloadFile, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FileStream> CurrentFileAsync(CancellationToken cancellationToken)
    {
        if (_file is not null && !_files.IsFull(_file.Length)) return _file;
        if (_file is not null) await _file.DisposeAsync().ConfigureAwait(false);
        _file = _files.OpenNext();
        _warcinfoId = WarcRecordHeader.NewRecordId();
        var info = Encoding.UTF8.GetBytes(_files.WarcinfoFields());
        var header = new WarcRecordHeader("warcinfo", _warcinfoId, _files.Now())
            .Add("WARC-Filename", Path.GetFileName(_file.Name))
            .Add("Content-Type", "application/warc-fields")
            .Add("WARC-Block-Digest", WarcDigest.Sha256(SHA256.HashData(info)));
        await WriteMemberAsync(_file, header.ToBytes(info.Length), info, null, cancellationToken).ConfigureAwait(false);
        return _file;
    }

    private static async Task<string> BlockDigestAsync(byte[] head, string? payloadFile, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(head);
        if (payloadFile is not null)
        {
            await using var payload = File.OpenRead(payloadFile);
            var buffer = new byte[81920];
            int read;
            while ((read = await payload.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0) hash.AppendData(buffer, 0, read);
        }
        return WarcDigest.Sha256(hash.GetHashAndReset());
    }

    private static async Task WriteMemberAsync(FileStream file, byte[] header, byte[] head, string? payloadFile, CancellationToken cancellationToken)
    {
        await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await gzip.WriteAsync(head, cancellationToken).ConfigureAwait(false);
            if (payloadFile is not null)
            {
                await using var payload = File.OpenRead(payloadFile);
                await payload.CopyToAsync(gzip, cancellationToken).ConfigureAwait(false);
            }
            await gzip.WriteAsync("\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            _file.Flush(flushToDisk: true);
            await _file.DisposeAsync().ConfigureAwait(false);
        }
        _gate.Dispose();
    }
}
