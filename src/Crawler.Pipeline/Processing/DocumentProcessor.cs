using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The archive → extract → parse → store → announce stages for one crawled document. The body is archived
/// and its fetch recorded before anything can fail; bytes already processed are never parsed again; a
/// document that fails extraction or parsing is quarantined with its error and retried on the next run.
/// </summary>
public sealed class DocumentProcessor
{
    private readonly ContentAddressedArchive _archive;
    private readonly IReportStore _store;
    private readonly ArchivedDocumentProcessor _analysis;
    private readonly ILogger<DocumentProcessor> _logger;

    public DocumentProcessor(ContentAddressedArchive archive, IReportStore store, ArchivedDocumentProcessor analysis, ILogger<DocumentProcessor> logger)
    {
        _archive = archive;
        _store = store;
        _analysis = analysis;
        _logger = logger;
    }

    /// <param name="warc">The current crawl's WARC writer; null when the caller keeps no WARC.</param>
    public async Task<ProcessingOutcome> ProcessAsync(CrawledDocument document, WarcWriter? warc, CancellationToken cancellationToken)
    {
        var response = document.Response;
        if (response.NotModified) return await RevisitAsync(document, warc, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null || response.BodyFile is null)
        {
            var reason = response.Error ?? $"HTTP {response.StatusCode} 无响应正文 (no body)";
            await ArchiveFetchAsync(document.Source.Id, response with { Error = reason }, warc, cancellationToken).ConfigureAwait(false);
            DeleteBody(response);
            _logger.FetchFailed(response.RequestedUrl, reason);
            return ProcessingOutcome.Failed(response.FinalUrl, null, "抓取失败: " + reason);
        }
        var body = await ArchiveFetchAsync(document.Source.Id, response, warc, cancellationToken).ConfigureAwait(false);
        DeleteBody(response);
        if (body is null) return ProcessingOutcome.Failed(response.FinalUrl, null, $"响应正文文件不存在 (body file missing): {response.BodyFile}");
        if (response.StatusCode is < 200 or >= 300)
        {
            return ProcessingOutcome.Failed(response.FinalUrl, body.Sha256, $"HTTP {response.StatusCode}: 正文已存档，未处理 (archived, not processed)");
        }
        var state = await _store.FindProcessingAsync(body.Sha256, cancellationToken).ConfigureAwait(false);
        if (state is { Status: ProcessingStatus.Done })
        {
            return ProcessingOutcome.Unchanged(response.FinalUrl, body.Sha256, $"同一内容已处理过 (same bytes already processed: {state.Detail})");
        }
        return await _analysis.ProcessAsync(document.Source, body.Sha256, Context(document), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Archives a response's body (if any), records the fetch and writes it to the crawl's WARC, without
    /// processing it: for list pages and other fetches that are not report documents. The body file stays
    /// with the caller. A 304 is recorded (and written as a revisit) against the URL's earlier capture.
    /// </summary>
    public async Task<ArchivedBody?> ArchiveFetchAsync(string? sourceId, FetchedResponse response, WarcWriter? warc, CancellationToken cancellationToken)
    {
        if (response.NotModified)
        {
            var known = await _store.FindAsync(response.RequestedUrl, cancellationToken).ConfigureAwait(false);
            await _store.RecordFetchAsync(Fetch(sourceId, response, known?.Sha256, null), cancellationToken).ConfigureAwait(false);
            if (warc is not null) await warc.WriteRevisitAsync(response, known, null, cancellationToken).ConfigureAwait(false);
            return null;
        }
        if (response.BodyFile is null || !File.Exists(response.BodyFile))
        {
            await _store.RecordFetchAsync(Fetch(sourceId, response, null, null), cancellationToken).ConfigureAwait(false);
            return null;
        }
        var body = await _archive.StoreFileAsync(response.BodyFile, response.Sha256, cancellationToken).ConfigureAwait(false);
        if (body.HashMismatch) _logger.HashMismatch(response.FinalUrl, body.ClaimedSha256!, body.Sha256);
        await _store.RecordFetchAsync(Fetch(sourceId, response, body.Sha256, body.Length), cancellationToken).ConfigureAwait(false);
        if (warc is not null) await warc.WriteExchangeAsync(response, body, null, cancellationToken).ConfigureAwait(false);
        return body;
    }

    /// <summary>Retries every quarantined document from the archive (the sources are looked up by id).</summary>
    public async Task<IReadOnlyList<ProcessingOutcome>> RetryQuarantinedAsync(Func<string, Source?> sourceById, CancellationToken cancellationToken)
    {
        var outcomes = new List<ProcessingOutcome>();
        foreach (var state in await _store.QuarantinedAsync(cancellationToken).ConfigureAwait(false))
        {
            var source = sourceById(state.Context.SourceId);
            outcomes.Add(source is null
                ? ProcessingOutcome.Failed(state.Context.Url, state.Sha256, $"来源 {state.Context.SourceId} 已不在配置中，文档保持隔离 (source no longer configured)")
                : await _analysis.ProcessAsync(source, state.Sha256, state.Context, cancellationToken).ConfigureAwait(false));
        }
        return outcomes;
    }

    private async Task<ProcessingOutcome> RevisitAsync(CrawledDocument document, WarcWriter? warc, CancellationToken cancellationToken)
    {
        var response = document.Response;
        await ArchiveFetchAsync(document.Source.Id, response, warc, cancellationToken).ConfigureAwait(false);
        var known = await _store.FindAsync(response.RequestedUrl, cancellationToken).ConfigureAwait(false);
        if (known is null) return ProcessingOutcome.Unchanged(response.FinalUrl, null, "304 未修改，但没有此前的抓取记录 (no earlier fetch on record)");
        var state = await _store.FindProcessingAsync(known.Sha256, cancellationToken).ConfigureAwait(false);
        if (state is { Status: ProcessingStatus.Done } || !_archive.Contains(known.Sha256))
        {
            return ProcessingOutcome.Unchanged(response.FinalUrl, known.Sha256, "304 未修改 (not modified)");
        }
        // Unchanged on the server but never finished here (quarantined, or interrupted): finish it from the archive.
        return await _analysis.ProcessAsync(document.Source, known.Sha256, Context(document) with { FetchedAt = known.FetchedAt }, cancellationToken)
            .ConfigureAwait(false);
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
