using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Compliance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crawler.Worker.Status;

/// <summary>
/// The status pages on the worker's web port, for the embedded default without Kibana: <c>/</c> (with <c>?year=</c>,
/// <c>region=</c>, <c>status=</c>), <c>/agency/{sourceId}</c>, <c>/agency/{sourceId}/changes/{versionId}</c> and
/// <c>/archive/{sha256}</c> (an archived original, served sandboxed). Rendered on the server; nothing is fetched from elsewhere.
/// </summary>
public static class StatusEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>Registers what the pages read; expects AddStorage (store, statistics, crawl history, archive) and the sources.</summary>
    public static IServiceCollection AddStatusPages(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatusQueries>();
        return services;
    }

    public static WebApplication MapStatusPages(this WebApplication app)
    {
        app.MapGet("/", async (HttpContext context, StatusQueries queries, CancellationToken cancellationToken) =>
        {
            var query = context.Request.Query;
            int? year = int.TryParse(query["year"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;
            var region = string.IsNullOrWhiteSpace(query["region"]) ? null : query["region"].ToString().Trim();
            var status = ComplianceStatuses.FromName(query["status"]);
            return Page(context, OverviewPage.Render(await queries.OverviewAsync(year, region, status, cancellationToken)));
        });

        app.MapGet("/agency/{sourceId}", async (HttpContext context, string sourceId, StatusQueries queries, CancellationToken cancellationToken) =>
            await queries.AgencyAsync(sourceId, cancellationToken) is { } agency
                ? Page(context, AgencyPage.Render(agency))
                : NotFound($"没有来源 {sourceId} (no such source)"));

        app.MapGet("/agency/{sourceId}/changes/{versionId:long}", async (HttpContext context, string sourceId, long versionId, StatusQueries queries, CancellationToken cancellationToken) =>
            await queries.AgencyAsync(sourceId, cancellationToken) is { } agency && StatusQueries.Changes(agency, versionId) is { } changes
                ? Page(context, ChangesPage.Render(agency, changes))
                : NotFound($"来源 {sourceId} 没有第 {versionId} 号版本或它没有上一版 (no such version, or it is the first)"));

        app.MapGet("/archive/{sha256}", async (HttpContext context, string sha256, StatusQueries queries, ContentAddressedArchive archive, CancellationToken cancellationToken) =>
        {
            if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit) || !archive.Contains(sha256.ToLowerInvariant())) return NotFound("存档中没有该文件 (not in the archive)");
            var found = await queries.ArchivedAsync(sha256.ToLowerInvariant(), cancellationToken);
            if (found is null) return NotFound("该文件不是报告或报告页面 (not a processed document)");
            // The original as fetched, byte for byte; sandboxed so a government page's scripts never run on this origin.
            context.Response.Headers.ContentSecurityPolicy = "sandbox";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            var name = Path.GetFileName(found.Url.AbsolutePath);
            context.Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(name.Length == 0 ? sha256 : name)}";
            return Results.File(archive.PathFor(sha256.ToLowerInvariant()), found.MediaType ?? "application/octet-stream");
        });
        return app;
    }

    private static IResult Page(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = StatusLayout.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(html, HtmlType);
    }

    private static IResult NotFound(string message) =>
        Results.Text(StatusLayout.Page("未找到", $"<h2>未找到</h2><p>{Html.E(message)}</p><p><a href=\"/\">返回</a></p>"), HtmlType, statusCode: StatusCodes.Status404NotFound);
}
