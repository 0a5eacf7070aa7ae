using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The _bulk body: newline-delimited JSON, an action line then a source line per operation, each on one line,
/// and a final newline after the last line (the bulk API rejects a body without it).
/// </summary>
public static class BulkRequestBody
{
    public const string MediaType = "application/x-ndjson";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(string index, IEnumerable<BulkOperation> operations)
    {
        var body = new StringBuilder();
        foreach (var operation in operations)
        {
            var (verb, meta, source) = operation.Action switch
            {
                BulkAction.Update => ("update", new JsonObject { ["_index"] = index, ["_id"] = operation.Id, ["retry_on_conflict"] = 3 },
                    new JsonObject { ["doc"] = operation.Body.DeepClone() }),
                _ => ("index", new JsonObject { ["_index"] = index, ["_id"] = operation.Id }, (JsonObject)operation.Body.DeepClone()),
            };
            body.Append(new JsonObject { [verb] = meta }.ToJsonString(Compact)).Append('\n');
            body.Append(source.ToJsonString(Compact)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(body.ToString());
    }
}
