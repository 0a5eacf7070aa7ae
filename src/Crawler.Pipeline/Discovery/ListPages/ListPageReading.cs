using Crawler.Pipeline.Discovery.Pages;

namespace Crawler.Pipeline.Discovery.ListPages;

/// <summary>Runs every CMS family's reader over a fetched list page, or the data reader its format calls for.</summary>
public sealed class ListPageReading(IEnumerable<IListPageReader> readers)
{
    public static ListPageReading Default { get; } = new(
        [new AnchorListReader(), new TrsPaginationReader(), new HanwebColumnReader(), new GkmlptReader()]);

    public ListPageFindings Read(ListPageRequest request, Uri finalUrl, byte[] body, string? contentType, out HtmlPage? page)
    {
        var findings = new ListPageFindings();
        page = null;
        switch (request.Format)
        {
            case ListFormat.HanwebRecords:
                HanwebColumnReader.ReadRecords(finalUrl, PageDecoder.Decode(body, contentType), findings);
                break;
            case ListFormat.GkmlptJson:
                GkmlptReader.ReadApi(finalUrl, PageDecoder.Decode(body, contentType), findings);
                break;
            default:
                page = HtmlPage.Parse(finalUrl, body, contentType);
                foreach (var reader in readers) reader.Read(page, findings);
                break;
        }
        return findings;
    }
}
