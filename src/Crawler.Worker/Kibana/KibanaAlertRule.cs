using System.Globalization;
using System.Text.Json.Nodes;

namespace Crawler.Worker.Kibana;

/// <summary>
/// The optional Kibana-side alert: a .webhook connector and an .es-query rule ("Elasticsearch query", query DSL)
/// that fires when a newly indexed latest version carries an error finding. Fixed ids make setup idempotent (create,
/// or update when it exists). The bodies follow Kibana 9's create/update rule and connector schemas: the rule's
/// params are exactly the esQuery variant's keys (Kibana rejects unknown ones), the action's frequency is per action.
/// </summary>
public static class KibanaAlertRule
{
    public const string ConnectorId = "crawler-reports-webhook";

    /// <summary>Rule ids must be UUIDs (v1 or v4).</summary>
    public const string RuleId = "4d0c5c7e-5d0a-4c57-9a39-1f6f0c2b7a11";

    public static JsonObject Connector(Uri webhook) => new()
    {
        ["name"] = "crawler: 年报发现错误 webhook",
        ["connector_type_id"] = ".webhook",
        ["config"] = ConnectorConfig(webhook),
        ["secrets"] = new JsonObject(),
    };

    /// <summary>PUT body: the same minus connector_type_id, which cannot change.</summary>
    public static JsonObject ConnectorUpdate(Uri webhook) => new()
    {
        ["name"] = "crawler: 年报发现错误 webhook",
        ["config"] = ConnectorConfig(webhook),
        ["secrets"] = new JsonObject(),
    };

    public static JsonObject Rule(string latestAlias, TimeSpan interval)
    {
        var rule = RuleUpdate(latestAlias, interval);
        rule["rule_type_id"] = ".es-query";
        rule["consumer"] = "alerts";
        rule["enabled"] = true;
        return rule;
    }

    /// <summary>PUT body: rule_type_id, consumer and enabled cannot be sent on update.</summary>
    public static JsonObject RuleUpdate(string latestAlias, TimeSpan interval)
    {
        var every = Interval(interval);
        return new JsonObject
        {
            ["name"] = "年报发现错误 reports with error findings",
            ["tags"] = new JsonArray("crawler", "reports"),
            ["schedule"] = new JsonObject { ["interval"] = every.Text },
            ["params"] = new JsonObject
            {
                ["searchType"] = "esQuery",
                ["index"] = new JsonArray(latestAlias),
                ["timeField"] = "indexedAt",
                ["esQuery"] = """{"query":{"term":{"findingSeverities":"error"}}}""",
                ["size"] = 100,
                ["aggType"] = "count",
                ["groupBy"] = "all",
                ["threshold"] = new JsonArray(0),
                ["thresholdComparator"] = ">",
                ["timeWindowSize"] = every.Size,
                ["timeWindowUnit"] = every.Unit,
                ["excludeHitsFromPreviousRun"] = true,
            },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["group"] = "query matched",
                ["id"] = ConnectorId,
                ["params"] = new JsonObject
                {
                    ["body"] = """{"event":"kibana.reports-with-errors","rule":"{{rule.name}}","count":{{context.hits.length}},"message":"{{context.message}}","link":"{{context.link}}"}""",
                },
                ["frequency"] = new JsonObject { ["summary"] = false, ["notify_when"] = "onActiveAlert", ["throttle"] = null },
            }),
        };
    }

    private static JsonObject ConnectorConfig(Uri webhook) => new()
    {
        ["url"] = webhook.AbsoluteUri,
        ["method"] = "post",
        ["hasAuth"] = false,
        ["authType"] = null,
        ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
    };

    private static (string Text, int Size, string Unit) Interval(TimeSpan interval) =>
        interval.TotalHours >= 1 && interval.TotalHours == Math.Floor(interval.TotalHours)
            ? (string.Create(CultureInfo.InvariantCulture, $"{(int)interval.TotalHours}h"), (int)interval.TotalHours, "h")
            : (string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)interval.TotalMinutes)}m"), Math.Max(1, (int)interval.TotalMinutes), "m");
}
