namespace Crawler.Pipeline.Archiving;

/// <summary>Opens the WARC writer of one crawl under <c>&lt;data&gt;/warc</c>.</summary>
public sealed class WarcWriterFactory
{
    /// <summary>A file is closed and the next one started past this size (the customary 1 GB).</summary>
    public const long DefaultMaxFileBytes = 1L << 30;

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly long _maxFileBytes;
    private readonly string? _node;

    /// <param name="node">This node's name in the file names when several nodes share the folder; null for one node.</param>
    public WarcWriterFactory(string directory, TimeProvider time, long maxFileBytes = DefaultMaxFileBytes, string? node = null)
    {
        _directory = directory;
        _time = time;
        _maxFileBytes = maxFileBytes;
        _node = node;
    }

    public WarcWriter Create(DateTimeOffset crawlStartedAt) =>
        new(new WarcFileSequence(_directory, crawlStartedAt, _maxFileBytes, _time, _node));
}
