using Crawler.Extraction.Html;
using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>Runs every CMS family's reader over a fetched list page, or the data reader its format calls for.</summary>
public sealed class ListPageReading(IEnumerable<IListPageReader> readers)
{
    public static ListPageReading Default { get; } = new(
        [new AnchorListReader(), new TrsPaginationReader(), new HanwebColumnReader(), new GkmlptReader()]);

    /// <summary>Reads one page; what it links or declares beyond <paramref name="maxItems"/> and <paramref name="maxPages"/> is counted, not kept.</summary>
    public ListPageFindings Read(ListPageRequest request, Uri finalUrl, byte[] body, string? contentType, out HtmlPage? page,
        int maxItems = int.MaxValue, int maxPages = int.MaxValue)
    {
        var findings = new ListPageFindings(maxItems, maxPages);
        page = null;
        switch (request.Format)
        {
            case ListFormat.HanwebRecords:
                HanwebColumnReader.ReadRecords(finalUrl, HtmlDecoding.Decode(body, contentType).Text, findings);
                break;
            case ListFormat.GkmlptJson:
                GkmlptReader.ReadApi(finalUrl, HtmlDecoding.Decode(body, contentType).Text, findings);
                break;
            default:
                page = HtmlPage.Parse(finalUrl, body, contentType);
                foreach (var reader in readers) reader.Read(page, findings);
                break;
        }
        return findings;
    }
}
