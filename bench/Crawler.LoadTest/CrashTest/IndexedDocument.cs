namespace Crawler.LoadTest.CrashTest;

/// <summary>One item of a _bulk request the fake cluster received: action, document id, and the source without clock readings.</summary>
public sealed record IndexedDocument(string Action, string Id, string Source);
