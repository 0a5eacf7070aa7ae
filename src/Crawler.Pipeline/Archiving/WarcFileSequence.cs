using System.Globalization;
using System.Reflection;

namespace Crawler.Pipeline.Archiving;

/// <summary>
/// The files of one crawl: <c>crawl-&lt;yyyyMMddTHHmmssZ&gt;-&lt;n&gt;.warc.gz</c>, n counting up from 1 when a file
/// reaches its size limit (and past names an earlier crawl in the same second already used). Nodes sharing one data
/// folder (the PostgreSQL store) name theirs <c>crawl-&lt;node&gt;-&lt;yyyyMMddTHHmmssZ&gt;-&lt;n&gt;.warc.gz</c>, so no two writers share a file.
/// </summary>
internal sealed class WarcFileSequence
{
    private readonly string _directory;
    private readonly string _stamp;
    private readonly long _maxFileBytes;
    private readonly TimeProvider _time;
    private readonly List<string> _written = [];
    private int _next = 1;

    public WarcFileSequence(string directory, DateTimeOffset crawlStartedAt, long maxFileBytes, TimeProvider time, string? node = null)
    {
        _directory = directory;
        _stamp = (string.IsNullOrEmpty(node) ? "" : node + "-") + crawlStartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        _maxFileBytes = maxFileBytes;
        _time = time;
    }

    public IReadOnlyList<string> Written => _written;

    public bool IsFull(long length) => length >= _maxFileBytes;

    public DateTimeOffset Now() => _time.GetUtcNow();

    public FileStream OpenNext()
    {
        Directory.CreateDirectory(_directory);
        while (true)
        {
            var path = Path.Combine(_directory, $"crawl-{_stamp}-{_next++}.warc.gz");
            try
            {
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 81920, FileOptions.Asynchronous);
                _written.Add(path);
                return file;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken by an earlier crawl started in the same second: try the next number.
            }
        }
    }

    public string WarcinfoFields()
    {
        var version = typeof(WarcFileSequence).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return $"software: crawler/{version}\r\n" +
               "format: WARC File Format 1.1\r\n" +
               "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n" +
               "robots: obey\r\n" +
               "description: 政府信息公开工作年度报告 crawl\r\n";
    }
}
