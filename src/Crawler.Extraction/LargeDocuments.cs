namespace Crawler.Extraction;

/// <summary>
/// After reading a document of more than a few MB: its reading structures (an HTML page's DOM: ~300 MB for a 30 MB page),
/// dead once read, were promoted to gen 2 while they were built, and left to the GC's own pace the next reader of the same
/// document builds its own beside them. Collected here, one reading at a time (docs/benchmarks.md "Hostile sites").
/// </summary>
public static class LargeDocuments
{
    public const int Bytes = 4 * 1024 * 1024;

    /// <summary>Call once the structures built from a document of <paramref name="length"/> bytes are out of reach.</summary>
    public static void Released(long length)
    {
        if (length > Bytes) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
