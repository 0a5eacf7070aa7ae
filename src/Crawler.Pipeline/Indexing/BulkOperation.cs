using System.Text.Json.Nodes;

namespace Crawler.Pipeline.Indexing;

/// <summary>One action of a _bulk request: <see cref="Body"/> is the document (index) or the partial doc (update).</summary>
public sealed record BulkOperation(BulkAction Action, string Id, JsonObject Body, IndexTarget Target = IndexTarget.Reports);
