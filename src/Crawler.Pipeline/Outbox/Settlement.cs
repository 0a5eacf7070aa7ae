namespace Crawler.Pipeline.Outbox;

/// <summary>
/// How the dispatcher recorded one delivery attempt in the outbox: <see cref="Attempt"/> is the message's attempt
/// count after it, <see cref="RetryAt"/> when a failed message is tried again, <see cref="Reason"/> why a dead one died.
/// </summary>
public sealed record Settlement(SettlementKind Kind, int Attempt, DateTimeOffset? RetryAt = null, string? Reason = null);
