using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Archiving;

/// <summary>
/// The archive stage: every fetch is recorded and its body kept byte for byte under its sha256 and written to the crawl's
/// WARC file before anything can fail; the fetcher's body file is deleted. A document goes on to extraction unless its
/// fetch failed, it was no 2xx, or the same bytes were processed before.
/// </summary>
public sealed class ArchiveStage(ContentAddressedArchive archive, IReportStore store, ILogger<ArchiveStage> logger)
{
    /// <param name="warc">The current crawl's WARC writer; null when the caller keeps no WARC.</param>
    public async Task<DocumentStep<ArchivedDocument>> ArchiveAsync(CrawledDocument document, WarcWriter? warc, CancellationToken cancellationToken)
    {
        var response = document.Response;
        if (response.NotModified) return await RevisitAsync(document, warc, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null || response.BodyFile is null)
        {
            var reason = response.Error ?? $"HTTP {response.StatusCode} 无响应正文 (no body)";
            await ArchiveFetchAsync(document.Source.Id, response with { Error = reason }, warc, cancellationToken).ConfigureAwait(false);
            DeleteBody(response);
            logger.FetchFailed(response.RequestedUrl, reason);
            return ProcessingOutcome.Failed(response.FinalUrl, null, "抓取失败: " + reason);
        }
        var body = await ArchiveFetchAsync(document.Source.Id, response, warc, cancellationToken).ConfigureAwait(false);
        DeleteBody(response);
        if (body is null) return ProcessingOutcome.Failed(response.FinalUrl, null, $"响应正文文件不存在 (body file missing): {response.BodyFile}");
        if (response.StatusCode is < 200 or >= 300)
        {
            return ProcessingOutcome.Failed(response.FinalUrl, body.Sha256, $"HTTP {response.StatusCode}: 正文已存档，未处理 (archived, not processed)");
        }
        var state = await store.FindProcessingAsync(body.Sha256, cancellationToken).ConfigureAwait(false);
        if (state is { Status: ProcessingStatus.Done })
        {
            return ProcessingOutcome.Unchanged(response.FinalUrl, body.Sha256, $"同一内容已处理过 (same bytes already processed: {state.Detail})");
        }
        return DocumentStep<ArchivedDocument>.Continue(new ArchivedDocument(document.Source, body.Sha256, Context(document)));
    }

    /// <summary>
    /// A list page (or any fetch that is no report document): its body archived (if any), the fetch recorded and written
    /// to the crawl's WARC, the fetcher's body file deleted. A 304 is recorded (and written as a revisit) against the URL's
    /// earlier capture.
    /// </summary>
    public async Task ArchiveListPageAsync(CrawledDocument listPage, WarcWriter? warc, CancellationToken cancellationToken)
    {
        try
        {
            await ArchiveFetchAsync(listPage.Source.Id, listPage.Response, warc, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DeleteBody(listPage.Response);
        }
    }

    /// <summary>Records the fetch, archives its body and writes the exchange to the WARC; the body file stays with the caller.</summary>
    private async Task<ArchivedBody?> ArchiveFetchAsync(string? sourceId, FetchedResponse response, WarcWriter? warc, CancellationToken cancellationToken)
    {
        if (response.NotModified)
        {
            var known = await store.FindAsync(response.RequestedUrl, cancellationToken).ConfigureAwait(false);
            await store.RecordFetchAsync(Fetch(sourceId, response, known?.Sha256, null), cancellationToken).ConfigureAwait(false);
            if (warc is not null) await warc.WriteRevisitAsync(response, known, null, cancellationToken).ConfigureAwait(false);
            return null;
        }
        if (response.BodyFile is null || !File.Exists(response.BodyFile))
        {
            await store.RecordFetchAsync(Fetch(sourceId, response, null, null), cancellationToken).ConfigureAwait(false);
            return null;
        }
        var body = await archive.StoreFileAsync(response.BodyFile, response.Sha256, cancellationToken).ConfigureAwait(false);
        if (body.HashMismatch) logger.HashMismatch(response.FinalUrl, body.ClaimedSha256!, body.Sha256);
        await store.RecordFetchAsync(Fetch(sourceId, response, body.Sha256, body.Length), cancellationToken).ConfigureAwait(false);
        if (warc is not null) await warc.WriteExchangeAsync(response, body, null, cancellationToken).ConfigureAwait(false);
        return body;
    }

    private async Task<DocumentStep<ArchivedDocument>> RevisitAsync(CrawledDocument document, WarcWriter? warc, CancellationToken cancellationToken)
    {
        var response = document.Response;
        await ArchiveFetchAsync(document.Source.Id, response, warc, cancellationToken).ConfigureAwait(false);
        var known = await store.FindAsync(response.RequestedUrl, cancellationToken).ConfigureAwait(false);
        if (known is null) return ProcessingOutcome.Unchanged(response.FinalUrl, null, "304 未修改，但没有此前的抓取记录 (no earlier fetch on record)");
        var state = await store.FindProcessingAsync(known.Sha256, cancellationToken).ConfigureAwait(false);
        if (state is { Status: ProcessingStatus.Done } || !archive.Contains(known.Sha256))
        {
            return ProcessingOutcome.Unchanged(response.FinalUrl, known.Sha256, "304 未修改 (not modified)");
        }
        // Unchanged on the server but never finished here (quarantined, or interrupted): finish it from the archive.
        return DocumentStep<ArchivedDocument>.Continue(new ArchivedDocument(document.Source, known.Sha256, Context(document) with { FetchedAt = known.FetchedAt }));
    }

    private static FetchRecord Fetch(string? sourceId, FetchedResponse response, string? sha256, long? size) => new()
    {
        SourceId = sourceId,
        Url = response.RequestedUrl,
        FinalUrl = response.FinalUrl,
        Status = response.StatusCode,
        ResponseHeaders = response.ResponseHeaders,
        FetchedAt = response.FetchedAt,
        Sha256 = sha256,
        MediaType = MediaTypes.Essence(response.ContentType),
        Size = size,
        Error = response.Error,
    };

    private static DocumentContext Context(CrawledDocument document) => new()
    {
        SourceId = document.Source.Id,
        Url = document.Response.FinalUrl,
        PageUrl = document.Role == DocumentRole.ReportAttachment ? document.ParentUrl : null,
        Role = document.Role.ToString(),
        LinkText = document.LinkText,
        YearHint = document.YearHint,
        ListedOn = document.ListedOn,
        MediaType = MediaTypes.Essence(document.Response.ContentType),
        FetchedAt = document.Response.FetchedAt,
    };

    private static void DeleteBody(FetchedResponse response)
    {
        if (response.BodyFile is { } file && File.Exists(file)) File.Delete(file);
    }
}
