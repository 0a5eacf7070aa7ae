using Crawler.Extraction;
using Crawler.Extraction.Html;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Discovery.Classification;
using Crawler.Pipeline.Discovery.ListPages;
using Crawler.Pipeline.Discovery.Pages;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Discovery;

/// <summary>
/// Level 3 of a crawl (inside <c>CrawlPass</c> and the source's <c>ReportPipeline</c>): one discovery of one
/// source — its frontier, visited set, budgets and problems. Enumerated once, it walks start URLs → 年报 columns and their
/// pagination → report pages → their attachments and yields every fetch as soon as it is made and read: each list page
/// (<see cref="DocumentRole.ListPage"/>, for the archive and the crawl's WARC, before the reports it leads to) and each report
/// document; the consumer owns the body file of everything yielded. List pages are not counted among the documents.
/// <see cref="Result"/> (counts, limits reached, problems) is there once the stream has ended.
/// Both budgets (<see cref="DiscoveryOptions.MaxSourceDuration"/>, the pass's <see cref="CrawlPassBudget"/>) stop discovery,
/// even mid-request; failures of single URLs are collected in the result, never thrown.
/// </summary>
public sealed class SourceDiscovery : IAsyncEnumerable<CrawledDocument>
{
    private readonly Source source;
    private readonly PoliteFetcher fetcher;
    private readonly DiscoveryOptions options;
    private readonly ListPageReading reading;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly CancellationToken stopping;
    private readonly Queue<CrawlTask> queue = new();
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);
    private readonly HashSet<string> emitted = new(StringComparer.Ordinal);
    private readonly List<CrawlProblem> problems = [];
    private readonly List<CrawlTask> followed = [];
    private readonly List<string> limits = [];
    private readonly HashSet<string> limitOptions = new(StringComparer.Ordinal);
    private SiteScope scope = new([]);
    private SourceCrawlResult? result;
    private bool started;
    private int listPages;
    private int documentFetches;
    private int documentsFound;
    private int unchanged;
    private int documentsQueued;
    private int documentsDone;

    internal SourceDiscovery(Source source, PoliteFetcher fetcher, DiscoveryOptions options, ListPageReading reading, ILogger logger, TimeProvider time,
        CancellationToken stopping)
    {
        this.source = source;
        this.fetcher = fetcher;
        this.options = options;
        this.reading = reading;
        this.logger = logger;
        this.time = time;
        this.stopping = stopping;
    }

    public IFetchLedger? Ledger { get; init; }

    public IArchivedContent? Archive { get; init; }

    /// <summary>Told (done, queued) whenever a report document is queued or finished (by its consumer too), for live progress.</summary>
    public Action<int, int>? OnProgress { get; init; }

    /// <summary>When the crawl pass this crawl belongs to must end (its Crawl:MaxPassDuration); null for no pass budget.</summary>
    public DateTimeOffset? PassEndsAt { get; init; }

    /// <summary>The outcome of the discovery: counts, limits reached and problems. Read it after the stream has ended.</summary>
    public SourceCrawlResult Result => result ?? throw new InvalidOperationException($"the discovery of {source.Id} has not finished: enumerate its documents to the end first");

    /// <summary>Cancelling <paramref name="cancellationToken"/> (or the token given to <see cref="ReportDiscovery.Discover"/>) throws out of the stream.</summary>
    public async IAsyncEnumerator<CrawledDocument> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (started) throw new InvalidOperationException($"the discovery of {source.Id} is enumerated once");
        started = true;
        DiscoveryLog.Started(logger, source.Id, source.Agency, source.StartUrls.Count);
        // The source's client lives as long as its crawl: thousands of sources must not each keep one open.
        using var connections = fetcher.Retain(source);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
        var today = time.GetUtcNow();
        var starts = source.StartUrls.SelectMany(u => StartUrlTemplate.Expand(u, today, options.TemplateYears)).ToList();
        scope = new SiteScope(starts);
        foreach (var url in starts) Enqueue(StartTask(url));

        var began = time.GetTimestamp();
        // Both budgets also end a request in flight (a server that never answers): the URL and those still waiting are
        // left for the next crawl; a document already fetched is still processed (its consumer does not take this token).
        var passLeft = PassEndsAt is { } endsAt ? endsAt - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        var passFirst = passLeft != Timeout.InfiniteTimeSpan && passLeft < options.MaxSourceDuration;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var first = passFirst ? (passLeft < TimeSpan.Zero ? TimeSpan.Zero : passLeft) : options.MaxSourceDuration;
        if (first < TimeSpan.FromDays(24)) budget.CancelAfter(first);
        while (queue.TryDequeue(out var task))
        {
            stop.Token.ThrowIfCancellationRequested();
            if (budget.IsCancellationRequested || time.GetElapsedTime(began) >= options.MaxSourceDuration)
            {
                OverBudget(passFirst, queue.Count + 1, task.Url);
                break;
            }
            Found? found = null;
            CrawledDocument? listPage = null;
            try
            {
                switch (task.Kind)
                {
                    case CrawlTaskKind.ListPage:
                        listPage = await ReadListAsync(task, budget.Token).ConfigureAwait(false);
                        break;
                    case CrawlTaskKind.ReportPage:
                        found = await FetchReportPageAsync(task, budget.Token).ConfigureAwait(false);
                        break;
                    default:
                        found = await FetchAttachmentAsync(task, budget.Token).ConfigureAwait(false);
                        break;
                }
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                problems.Add(new CrawlProblem(task.Url, passFirst
                    ? $"abandoned when the crawl pass reached its time budget ({CrawlPassBudget.Key})"
                    : $"abandoned when the source's crawl reached its time budget ({DiscoveryOptions.SectionName}:{nameof(options.MaxSourceDuration)})"));
                // The URL abandoned is left for the next crawl with those still waiting; a list page abandoned was not read
                // (nor yielded: its body file is gone).
                if (task.Kind == CrawlTaskKind.ListPage) listPages--;
                OverBudget(passFirst, queue.Count + 1, task.Url);
                break;
            }
            if (task.Kind == CrawlTaskKind.ListPage)
            {
                // Archived for the record, never a report: not counted among the documents, nor in the progress.
                if (listPage is not null) yield return listPage;
                continue;
            }
            if (found is not null)
            {
                // The consumer processes the document here, before discovery goes on (its time counts against the budgets).
                yield return found.Document;
                foreach (var next in Attachments(found)) Enqueue(next);
            }
            OnProgress?.Invoke(++documentsDone, documentsQueued);
        }

        result = new SourceCrawlResult(source.Id)
        {
            ListPagesFetched = listPages,
            DocumentsFound = documentsFound,
            DocumentsUnchanged = unchanged,
            Problems = problems,
            LimitsReached = limits,
        };
        DiscoveryLog.Finished(logger, source.Id, result.ListPagesFetched, result.DocumentsFound, result.DocumentsUnchanged, result.Problems.Count);
    }

    /// <summary>A document to yield, and the tasks it leads to (its attachments), queued once the consumer has had it.</summary>
    private sealed record Found(CrawledDocument Document, IReadOnlyList<CrawlTask> Then);

    private static CrawlTask StartTask(Uri url)
    {
        // Hanweb's per-agency, per-year report URL is itself the report page.
        if (url.AbsolutePath.EndsWith("xxgkAnnualReport.jsp", StringComparison.OrdinalIgnoreCase))
            return new CrawlTask(CrawlTaskKind.ReportPage, url, 0) { Year = ReportYear.Find(url.Query) };
        if (AttachmentFiles.IsDocument(url)) return new CrawlTask(CrawlTaskKind.Attachment, url, 0);
        return new CrawlTask(CrawlTaskKind.ListPage, url, 0) { List = new ListPageRequest(url, ListFormat.Html) };
    }

    /// <summary>Fetches and reads a list page, queuing what it leads to; the page to yield (its body file left for the consumer), or null.</summary>
    private async Task<CrawledDocument?> ReadListAsync(CrawlTask task, CancellationToken cancellationToken)
    {
        if (listPages >= options.MaxListPages)
        {
            Limit(nameof(options.MaxListPages), $"more than {options.MaxListPages} list pages; {task.Url} and later pages were not read");
            return null;
        }
        listPages++;
        var response = await fetcher.FetchAsync(new FetchRequest(source, task.Url) { Form = task.List!.Form, Referrer = task.Parent }, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null)
        {
            problems.Add(new CrawlProblem(task.Url, response.Error));
            return null;
        }
        var handedOn = false;
        try
        {
            if (response.BodyFile is not null)
                Read(task, response, await File.ReadAllBytesAsync(response.BodyFile, cancellationToken).ConfigureAwait(false));
            handedOn = true;
            return new CrawledDocument(source, response, DocumentRole.ListPage) { ParentUrl = task.Parent };
        }
        finally
        {
            // A page not handed on (the budget ran out while reading it, shutdown) leaves no body file behind.
            if (!handedOn) Delete(response);
        }
    }

    /// <summary>Queues the further pages, columns and reports a list page's body leads to.</summary>
    private void Read(CrawlTask task, FetchedResponse response, byte[] body)
    {
        var request = task.List!;
        // What a page links or declares beyond the per-page limits is counted, never made: a page declaring a million
        // pages costs what a page declaring MaxDeclaredPages costs.
        var findings = reading.Read(request, response.FinalUrl, body, response.ContentType, out var page, options.MaxLinksPerPage, options.MaxDeclaredPages);
        if (findings.PagesDropped > 0)
        {
            var declared = findings.DeclaredPages is { } pages ? $"declares {pages} pages" : $"links {findings.MorePages.Count + findings.PagesDropped} further pages";
            Limit(nameof(options.MaxDeclaredPages), $"{task.Url} {declared}; only {findings.MorePages.Count} further pages were queued");
        }
        foreach (var more in findings.MorePages)
            Enqueue(new CrawlTask(CrawlTaskKind.ListPage, more.Url, task.Depth) { List = more, Parent = response.FinalUrl });

        if (findings.ItemsDropped > 0)
            Limit(nameof(options.MaxLinksPerPage), $"{task.Url} links {findings.Items.Count + findings.ItemsDropped} items; only the first {options.MaxLinksPerPage} were considered");
        var reports = 0;
        foreach (var link in findings.Items) reports += Consider(link, task, response.FinalUrl) ? 1 : 0;

        // A start URL that is itself a report page (its title names the report and it lists none).
        if (task.Depth == 0 && reports == 0 && page is not null && ReportClassifier.Classify(page.Title) is { IsReport: true, Year: not null } titled)
            Enqueue(new CrawlTask(CrawlTaskKind.ReportPage, task.Url, 0) { LinkText = page.Title, Year = titled.Year });
    }

    /// <summary>Queues what a list item leads to; true when it is a report.</summary>
    private bool Consider(PageLink link, CrawlTask from, Uri page)
    {
        if (!scope.Contains(link.Url)) return false;
        var classification = ReportClassifier.Classify(link.Label);
        switch (classification.Verdict)
        {
            case ReportVerdict.Report when !AgencyNames.MayBelongTo(link.Label, source.Agency):
                return false;
            case ReportVerdict.Report:
                var kind = AttachmentFiles.IsDocument(link.Url) ? CrawlTaskKind.Attachment : CrawlTaskKind.ReportPage;
                Enqueue(new CrawlTask(kind, link.Url, from.Depth) { Parent = page, LinkText = link.Label, Year = classification.Year, ListedOn = link.ListedOn });
                return true;
            case ReportVerdict.ReportColumn:
                EnqueueColumn(link, from, page);
                return false;
            case ReportVerdict.Unrelated when ColumnShape.IsReportColumnFolder(link.Url) || ColumnShape.IsYearSubColumn(link, page):
                EnqueueColumn(link, from, page);
                return false;
            default:
                return false;
        }
    }

    private void EnqueueColumn(PageLink link, CrawlTask from, Uri page)
    {
        if (AttachmentFiles.IsDocument(link.Url)) return;
        if (from.Depth >= options.MaxDepth)
        {
            Limit(nameof(options.MaxDepth), $"{link.Url} is {from.Depth + 1} column hops from a start URL; columns deeper than {options.MaxDepth} were not read");
            return;
        }
        Enqueue(new CrawlTask(CrawlTaskKind.ListPage, link.Url, from.Depth + 1)
        {
            List = new ListPageRequest(link.Url, ListFormat.Html),
            Parent = page,
            Year = ReportYear.Find(ReportClassifier.Normalize(link.Label)),
        });
    }

    private async Task<Found?> FetchReportPageAsync(CrawlTask task, CancellationToken cancellationToken)
    {
        if (!TakeDocumentBudget(task)) return null;
        var response = await fetcher.FetchAsync(new FetchRequest(source, task.Url) { Conditional = true, Referrer = task.Parent }, cancellationToken).ConfigureAwait(false);
        if (!Accept(response, task)) return null;

        var body = response.NotModified ? await ArchivedBodyAsync(task, cancellationToken).ConfigureAwait(false) : ReadIfHtml(response);
        var length = body?.Length ?? 0;
        // The page's DOM lives only in ReadReportPage's frame, never in this method's state machine, so it is out of reach
        // here and extraction does not build its own beside it.
        var found = ReadReportPage(task, response, body);
        body = null;
        LargeDocuments.Released(length);
        return found;
    }

    /// <summary>Reads a fetched report page: whether it names a report, its year and its attachments.</summary>
    private Found? ReadReportPage(CrawlTask task, FetchedResponse response, byte[]? body)
    {
        var page = body is null ? null : HtmlPage.ParseReportPage(response.FinalUrl, body, response.ContentType);
        var named = page?.Names().Select(ReportClassifier.Classify).FirstOrDefault(c => c.IsReport);
        // A start URL (Hanweb's per-year report URL) answers for years without a report too: only the page can tell.
        if (task.LinkText is null && page is not null && named is null)
        {
            Delete(response);
            return null;
        }
        var role = response.NotModified || page is not null ? DocumentRole.ReportPage : DocumentRole.ReportAttachment;
        var year = task.Year ?? named?.Year;
        var attachments = page is null ? [] : ReportAttachments(page);
        var linkText = task.LinkText ?? page?.Title;

        var document = Emit(new CrawledDocument(source, response, role) { ParentUrl = task.Parent, LinkText = linkText, YearHint = year, ListedOn = task.ListedOn });
        var then = attachments.Select(attachment => new CrawlTask(CrawlTaskKind.Attachment, attachment.Url, task.Depth)
        {
            Parent = response.FinalUrl,
            LinkText = attachment.Label.Length > 0 ? attachment.Label : linkText,
            Year = year,
            ListedOn = task.ListedOn,
        }).ToList();
        return new Found(document, then);
    }

    private async Task<Found?> FetchAttachmentAsync(CrawlTask task, CancellationToken cancellationToken)
    {
        if (!TakeDocumentBudget(task)) return null;
        var response = await fetcher.FetchAsync(new FetchRequest(source, task.Url) { Conditional = true, Referrer = task.Parent }, cancellationToken).ConfigureAwait(false);
        if (!Accept(response, task)) return null;
        var year = task.Year ?? ReportClassifier.Classify(task.LinkText).Year;
        return new Found(Emit(new CrawledDocument(source, response, DocumentRole.ReportAttachment) { ParentUrl = task.Parent, LinkText = task.LinkText, YearHint = year, ListedOn = task.ListedOn }), []);
    }

    /// <summary>
    /// Links the consumer found in the document discovery just handed it (extraction's reading of a report page's
    /// body): fetched as that page's attachments, after the ones discovery found itself, within the site's scope and
    /// <see cref="DiscoveryOptions.MaxAttachmentsPerPage"/>. A URL already queued or fetched is not fetched again.
    /// </summary>
    public void Follow(CrawledDocument document, IEnumerable<(Uri Url, string? Text)> links)
    {
        foreach (var (url, text) in links)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !scope.Contains(url)) continue;
            if (ReportClassifier.LookAlikeWordIn(text ?? "") is not null) continue;
            followed.Add(new CrawlTask(CrawlTaskKind.Attachment, url, 0)
            {
                Parent = document.Response.FinalUrl,
                LinkText = string.IsNullOrWhiteSpace(text) ? document.LinkText : text,
                Year = document.YearHint,
                ListedOn = document.ListedOn,
            });
        }
    }

    /// <summary>A document's attachments: discovery's own, then those its consumer followed, one task per URL, capped.</summary>
    private List<CrawlTask> Attachments(Found found)
    {
        var tasks = found.Then.Concat(followed).DistinctBy(t => UrlKey.Of(t.Url)).ToList();
        followed.Clear();
        if (tasks.Count <= options.MaxAttachmentsPerPage || found.Then.Count >= tasks.Count) return tasks;
        Limit(nameof(options.MaxAttachmentsPerPage), $"{found.Document.Response.FinalUrl} links {tasks.Count} attachments; only the first {options.MaxAttachmentsPerPage} were fetched");
        return tasks.Take(Math.Max(options.MaxAttachmentsPerPage, found.Then.Count)).ToList();
    }

    private List<PageLink> ReportAttachments(HtmlPage page)
    {
        var found = AttachmentFinder.Find(page)
            .Where(a => scope.Contains(a.Url) && ReportClassifier.LookAlikeWordIn(a.Label) is null)
            .ToList();
        if (found.Count <= options.MaxAttachmentsPerPage) return found;
        Limit(nameof(options.MaxAttachmentsPerPage), $"{page.Url} links {found.Count} attachments; only the first {options.MaxAttachmentsPerPage} were fetched");
        return found.Take(options.MaxAttachmentsPerPage).ToList();
    }

    private bool TakeDocumentBudget(CrawlTask task)
    {
        if (documentFetches < options.MaxDocuments)
        {
            documentFetches++;
            return true;
        }
        Limit(nameof(options.MaxDocuments), $"more than {options.MaxDocuments} documents; {task.Url} and later documents were not fetched");
        return false;
    }

    /// <summary>Records a failure, or drops a document already handed on under another URL (redirects).</summary>
    private bool Accept(FetchedResponse response, CrawlTask task)
    {
        if (response.Error is not null)
        {
            problems.Add(new CrawlProblem(task.Url, response.Error));
            return false;
        }
        if (emitted.Add(UrlKey.Of(response.FinalUrl))) return true;
        Delete(response);
        return false;
    }

    private CrawledDocument Emit(CrawledDocument document)
    {
        documentsFound++;
        if (document.Response.NotModified) unchanged++;
        DiscoveryLog.Found(logger, document.Role, document.Response.FinalUrl, source.Agency, document.YearHint);
        return document;
    }

    private async Task<byte[]?> TakeBodyAsync(FetchedResponse response, Uri url, CancellationToken cancellationToken)
    {
        if (response.Error is not null)
        {
            problems.Add(new CrawlProblem(url, response.Error));
            return null;
        }
        if (response.BodyFile is null) return null;
        try
        {
            return await File.ReadAllBytesAsync(response.BodyFile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Delete(response);
        }
    }

    /// <summary>A 304 page still needs its links: read it from the archive, else fetch it once more in full.</summary>
    private async Task<byte[]?> ArchivedBodyAsync(CrawlTask task, CancellationToken cancellationToken)
    {
        if (Archive is not null && Ledger is not null && await Ledger.FindAsync(task.Url, cancellationToken).ConfigureAwait(false) is { } known)
        {
            var stream = await Archive.OpenAsync(known.Sha256, cancellationToken).ConfigureAwait(false);
            if (stream is not null)
            {
                await using (stream)
                {
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                    return copy.ToArray();
                }
            }
        }
        var full = await fetcher.FetchAsync(new FetchRequest(source, task.Url) { Referrer = task.Parent }, cancellationToken).ConfigureAwait(false);
        return await TakeBodyAsync(full, task.Url, cancellationToken).ConfigureAwait(false);
    }

    private static byte[]? ReadIfHtml(FetchedResponse response)
    {
        if (response.BodyFile is null) return null;
        var type = response.ContentType ?? "";
        if (type.Contains("html", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(response.BodyFile);
        if (type.Length > 0 && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) && !type.Contains("octet-stream", StringComparison.OrdinalIgnoreCase)) return null;
        var bytes = File.ReadAllBytes(response.BodyFile);
        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart().ToLowerInvariant();
        return head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal) ? bytes : null;
    }

    /// <summary>Queues a URL not queued before, while the frontier has room (<see cref="DiscoveryOptions.MaxQueuedUrls"/>).</summary>
    private void Enqueue(CrawlTask task)
    {
        var key = (task.Kind == CrawlTaskKind.ListPage ? "L " : "D ") + UrlKey.Of(task.Url, task.List?.Form);
        if (visited.Contains(key)) return;
        if (queue.Count >= options.MaxQueuedUrls)
        {
            Limit(nameof(options.MaxQueuedUrls), $"more than {options.MaxQueuedUrls} URLs waiting at once; {task.Url} and later ones were not queued");
            return;
        }
        visited.Add(key);
        queue.Enqueue(task);
        if (task.Kind != CrawlTaskKind.ListPage) OnProgress?.Invoke(documentsDone, ++documentsQueued);
    }

    private void OverBudget(bool pass, int waiting, Uri from)
    {
        if (pass)
        {
            if (!limitOptions.Add(CrawlPassBudget.Key)) return;
            limits.Add($"the crawl pass reached its time budget; {waiting} URL(s) still waiting, from {from}, are left for the next crawl ({CrawlPassBudget.Key})");
            DiscoveryLog.LimitReached(logger, source.Id, limits[^1]);
            return;
        }
        Limit(nameof(options.MaxSourceDuration),
            $"the crawl took longer than {options.MaxSourceDuration.TotalSeconds:0} s; {waiting} URL(s) still waiting, from {from}, are left for the next crawl");
    }

    private void Limit(string option, string message)
    {
        if (!limitOptions.Add(option)) return;
        limits.Add($"{message} ({DiscoveryOptions.SectionName}:{option})");
        DiscoveryLog.LimitReached(logger, source.Id, limits[^1]);
    }

    private static void Delete(FetchedResponse response)
    {
        if (response.BodyFile is not null && File.Exists(response.BodyFile)) File.Delete(response.BodyFile);
    }
}
