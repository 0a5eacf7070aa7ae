namespace Crawler.LoadTest.CrashTest;

/// <summary>One item of a _bulk request the fake cluster received: action, document id, and the source without clock readings, and its index.</summary>
public sealed record IndexedDocument(string Action, string Id, string Source, string? Index = null)
{
    /// <summary>A compliance document (the crawler-compliance index): derived from the store after each pass.</summary>
    public bool IsCompliance => Index?.Contains("compliance", StringComparison.Ordinal) == true;
}
