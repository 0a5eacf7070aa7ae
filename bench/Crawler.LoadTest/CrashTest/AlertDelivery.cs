namespace Crawler.LoadTest.CrashTest;

/// <summary>One POST the alert listener received: its Idempotency-Key and its body without clock readings.</summary>
public sealed record AlertDelivery(string IdempotencyKey, string Body);
