using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The payload of an outbox message of topic "index": one bulk operation, stored as JSON so it survives restarts.
/// The document is built when the version is stored, so what is indexed is what was stored.
/// </summary>
public sealed record IndexMessage(BulkAction Action, string Id, JsonObject Body, IndexTarget Target = IndexTarget.Reports)
{
    public const string Topic = "index";

    public string Serialize()
    {
        var message = new JsonObject
        {
            ["action"] = Action == BulkAction.Update ? "update" : "index",
            ["id"] = Id,
            ["body"] = Body.DeepClone(),
        };
        // Messages queued before the compliance index existed carry no target: they go to the reports alias.
        if (Target == IndexTarget.Compliance) message["target"] = "compliance";
        return message.ToJsonString();
    }

    /// <summary>Null when the payload is not an index message (then the message is declared dead with that reason).</summary>
    public static IndexMessage? Deserialize(string payload)
    {
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject root || root["id"]?.GetValue<string>() is not { } id || root["body"] is not JsonObject body) return null;
            var action = root["action"]?.GetValue<string>() switch
            {
                "index" => BulkAction.Index,
                "update" => BulkAction.Update,
                _ => (BulkAction?)null,
            };
            var target = root["target"]?.GetValue<string>() switch
            {
                null => IndexTarget.Reports,
                "compliance" => IndexTarget.Compliance,
                _ => (IndexTarget?)null,
            };
            return action is null || target is null ? null : new IndexMessage(action.Value, id, (JsonObject)body.DeepClone(), target.Value);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public BulkOperation ToOperation() => new(Action, Id, Body, Target);
}
