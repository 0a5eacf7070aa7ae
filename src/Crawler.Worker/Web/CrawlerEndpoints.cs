using System.Text;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Web;

/// <summary>/healthz (the process answers), /readyz (its dependencies answer) and /metrics (Prometheus text).</summary>
public static class CrawlerEndpoints
{
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static WebApplication MapCrawlerEndpoints(this WebApplication app)
    {
        var checks = app.Services.GetServices<IReadinessCheck>().ToList();
        var options = app.Services.GetRequiredService<WebOptions>();
        // Created now, not on the first scrape: counts made before the first /metrics request must not be lost.
        _ = app.Services.GetRequiredService<PrometheusExposition>();
        if (app.Services.GetService<IReportIndex>() is { } index) checks.Add(new ElasticsearchReadiness(index, options));

        // Liveness must not depend on anything outside the process, or an Elasticsearch outage restarts the crawler.
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain; charset=utf-8"));

        app.MapGet("/readyz", async (CancellationToken cancellationToken) =>
        {
            var results = await Task.WhenAll(checks.Select(async c => (c.Name, Result: await c.CheckAsync(cancellationToken))));
            var ready = results.All(r => r.Result.Ready);
            var body = new JsonObject { ["status"] = ready ? "ready" : "not ready" };
            var details = new JsonObject();
            foreach (var (name, result) in results) details[name] = new JsonObject { ["ready"] = result.Ready, ["detail"] = result.Detail };
            body["checks"] = details;
            return Results.Text(body.ToJsonString(), "application/json; charset=utf-8", statusCode: ready ? 200 : 503);
        });

        app.MapGet("/metrics", async (PrometheusExposition exposition, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var text = new StringBuilder();
            exposition.WriteCounters(text);
            if (services.GetService<IOutbox>() is { } outbox)
            {
                var pending = await outbox.PendingByTopicAsync(cancellationToken);
                PrometheusExposition.WriteGauge(text, "crawler_outbox_pending", "Outbox messages waiting for delivery, by topic.", "topic", pending);
                var dead = new Dictionary<string, int>();
                foreach (var topic in pending.Keys) dead[topic] = (await outbox.CountAsync(topic, cancellationToken))[OutboxStatus.Dead];
                PrometheusExposition.WriteGauge(text, "crawler_outbox_dead", "Outbox messages given up on, by topic.", "topic", dead);
            }
            if (services.GetService<ChannelHealth>() is { } alerts)
            {
                PrometheusExposition.WriteGauge(text, "crawler_alerts_consecutive_failures", "Consecutive failed delivery attempts, by alert channel.", "channel",
                    alerts.Snapshot().Select(e => KeyValuePair.Create(e.Channel, e.ConsecutiveFailures)));
            }
            return Results.Text(text.ToString(), PrometheusContentType);
        });
        return app;
    }
}
