using Crawler.Extraction;
using Crawler.Extraction.DocumentProperties;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Publication;
using Format = Crawler.Extraction.DocumentFormat;

namespace Crawler.Pipeline.Publication;

/// <summary>
/// Gathers every publication date of one report document and decides (docs/publication-dates.md). A report page
/// speaks for itself; an attachment takes the dates of the page that links it (its metadata and date line, its URL
/// before the attachment's own, its list entry), then its own 落款 and creation date, then its own Last-Modified.
/// The first fetch stands in only when nothing else gives a date.
/// </summary>
public sealed class PublicationDating(ContentAddressedArchive archive, IFetchLedger ledger)
{
    public async Task<PublicationDecision> DateAsync(string sha256, DocumentContext context, ExtractionResult extraction, CancellationToken cancellationToken)
    {
        var dates = new List<PublicationDate>();
        var isAttachment = context.Role == nameof(DocumentRole.ReportAttachment) && context.PageUrl is not null;
        if (isAttachment)
        {
            dates.AddRange(await LinkingPageAsync(context.PageUrl!, cancellationToken).ConfigureAwait(false));
            dates.AddRange(UrlDates.Find(context.PageUrl!));
        }
        else if (extraction.Format == Format.Html && archive.Contains(sha256))
        {
            var body = await File.ReadAllBytesAsync(archive.PathFor(sha256), cancellationToken).ConfigureAwait(false);
            dates.AddRange(HtmlPageDates.Read(context.Url, body, context.MediaType));
        }
        dates.AddRange(UrlDates.Find(context.Url));
        if (context.ListedOn is { } listed) dates.Add(new PublicationDate(listed, DateSource.ListEntry, $"列表页条目 {listed:yyyy-MM-dd}"));
        if (extraction.Document is { } document && SignatureDate.Find(document) is { } signature) dates.Add(signature);
        if (extraction.Format is Format.Pdf or Format.Docx && archive.Contains(sha256))
        {
            var bytes = await File.ReadAllBytesAsync(archive.PathFor(sha256), cancellationToken).ConfigureAwait(false);
            if (DocumentCreationDate.Read(bytes, extraction.Format) is { } created)
                dates.Add(new PublicationDate(DateText.Beijing(created), DateSource.DocumentCreated, $"{extraction.Format} 创建时间 {created:yyyy-MM-dd HH:mm:ss zzz}"));
        }
        if (await ledger.FindAsync(context.Url, cancellationToken).ConfigureAwait(false) is { Sha256: var fetched, LastModified: { } header } && fetched == sha256
            && DateText.ParseHttpDate(header) is { } modified)
        {
            dates.Add(new PublicationDate(modified, DateSource.LastModified, "Last-Modified: " + header));
        }
        dates.Add(new PublicationDate(DateText.Beijing(context.FetchedAt), DateSource.FirstFetched, $"首次抓取 {context.FetchedAt.ToOffset(DateText.BeijingOffset):yyyy-MM-dd HH:mm:ss} (UTC+8)"));
        return PublicationDecision.Decide(dates)!;
    }

    /// <summary>The linking page's own dates, from its archived body (its latest successful fetch).</summary>
    private async Task<IReadOnlyList<PublicationDate>> LinkingPageAsync(Uri pageUrl, CancellationToken cancellationToken)
    {
        if (await ledger.FindAsync(pageUrl, cancellationToken).ConfigureAwait(false) is not { } page || !archive.Contains(page.Sha256)) return [];
        var body = await File.ReadAllBytesAsync(archive.PathFor(page.Sha256), cancellationToken).ConfigureAwait(false);
        return HtmlPageDates.Read(pageUrl, body, null);
    }
}
