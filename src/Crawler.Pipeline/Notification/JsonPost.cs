using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// POSTs a JSON body within the attempt's timeout and turns every transport failure (refused,
/// reset, timed out, non-2xx) into a <see cref="DeliveryResult"/>; the reply body is handed to
/// <c>accept</c> because robots answer HTTP 200 with an error code inside.
/// </summary>
internal static class JsonPost
{
    /// <summary>The named HttpClient every HTTP channel uses (no automatic redirects to another host).</summary>
    public const string ClientName = "Crawler.Alerts";

    public static async Task<DeliveryResult> SendAsync(HttpClient client, Uri url, string json, TimeSpan timeout,
        Func<string, DeliveryResult> accept, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, new UTF8Encoding(false), "application/json"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, attempt.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(attempt.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return DeliveryResult.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
            return accept(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed(string.Create(CultureInfo.InvariantCulture, $"no answer from {url.Host}:{url.Port} within {timeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException exception)
        {
            return DeliveryResult.Failed($"{url.Host}:{url.Port} unreachable: {exception.Message}");
        }
    }

    public static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
