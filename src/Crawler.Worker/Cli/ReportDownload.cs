using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;

namespace Crawler.Worker.Cli;

/// <summary>
/// Fetches one document for <c>crawler parse URL</c> with the crawler's own fetcher: the same politeness,
/// size and time limits, private-address refusal and TLS reporting as a crawl.
/// </summary>
internal static class ReportDownload
{
    public static async Task<FetchedResponse> FetchAsync(IServiceProvider services, Uri url, bool allowPrivateNetwork, CancellationToken cancellationToken)
    {
        var source = new Source
        {
            Id = "parse",
            Agency = url.Host,
            StartUrls = [url.ToString()],
            AllowPrivateNetwork = allowPrivateNetwork,
        };
        var response = await services.GetRequiredService<PoliteFetcher>().FetchAsync(new FetchRequest(source, url), cancellationToken);
        if (response.Error is null && response.StatusCode is < 200 or >= 300)
        {
            if (response.BodyFile is { } file) File.Delete(file);
            return response with { Error = $"HTTP {response.StatusCode}", BodyFile = null };
        }
        return response;
    }
}
