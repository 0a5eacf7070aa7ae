using System.Globalization;
using System.Text;

namespace Crawler.Pipeline.Archiving;

/// <summary>The named fields of one WARC/1.1 record header, in the order they are written.</summary>
internal sealed class WarcRecordHeader
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public WarcRecordHeader(string type, string recordId, DateTimeOffset date)
    {
        Add("WARC-Type", type);
        Add("WARC-Record-ID", recordId);
        Add("WARC-Date", Date(date));
    }

    public WarcRecordHeader Add(string name, string? value)
    {
        if (value is not null) _fields.Add(new(name, value));
        return this;
    }

    public byte[] ToBytes(long contentLength)
    {
        var text = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in _fields) text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength}\r\n\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string NewRecordId() => $"<urn:uuid:{Guid.NewGuid()}>";
}
