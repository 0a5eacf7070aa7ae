using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Fetching;

/// <summary>One document to fetch on behalf of a source.</summary>
public sealed record FetchRequest(Source Source, Uri Url)
{
    /// <summary>Form fields to POST (Hanweb's dataproxy.jsp); null means GET.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    /// <summary>Send If-None-Match/If-Modified-Since from the ledger; a 304 then comes back without a body.</summary>
    public bool Conditional { get; init; }

    public Uri? Referrer { get; init; }
}
