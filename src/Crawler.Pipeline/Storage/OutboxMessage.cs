namespace Crawler.Pipeline.Storage;

/// <summary>A queued delivery (an index document, an alert for one channel) and its delivery history.</summary>
public sealed record OutboxMessage(long Id, string Topic, string IdempotencyKey, string Payload, int Attempts, string? LastError);
