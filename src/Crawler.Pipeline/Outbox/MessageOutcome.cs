using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Outbox;

/// <summary>One message of a batch and how its delivery went.</summary>
public readonly record struct MessageOutcome(OutboxMessage Message, DeliveryOutcome Outcome);
