using System.IO.Compression;
using System.Text;

namespace Crawler.Pipeline.Tests.Archiving;

/// <summary>
/// A strict reader for the tests: decompresses every gzip member, then requires exact WARC framing
/// (version line, CRLF header lines, a blank line, Content-Length bytes of block, CRLF CRLF).
/// </summary>
internal static class WarcRecordReader
{
    public sealed record Record(IReadOnlyDictionary<string, string> Headers, byte[] Block)
    {
        public string this[string name] => Headers[name];
    }

    public static IReadOnlyList<Record> Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var data = buffer.ToArray();
        var records = new List<Record>();
        var at = 0;
        while (at < data.Length)
        {
            var headEnd = IndexOf(data, "\r\n\r\n"u8, at);
            Assert.True(headEnd > at, $"record at byte {at} has no blank line after its header");
            var lines = Encoding.UTF8.GetString(data, at, headEnd - at).Split("\r\n");
            Assert.Equal("WARC/1.1", lines[0]);
            var headers = lines.Skip(1).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            var length = int.Parse(headers["Content-Length"], System.Globalization.CultureInfo.InvariantCulture);
            var blockStart = headEnd + 4;
            var block = data[blockStart..(blockStart + length)];
            Assert.Equal("\r\n\r\n", Encoding.ASCII.GetString(data, blockStart + length, 4));
            records.Add(new Record(headers, block));
            at = blockStart + length + 4;
        }
        return records;
    }

    /// <summary>How many gzip members the file holds (each record must be its own).</summary>
    public static int CountGzipMembers(string path)
    {
        var data = File.ReadAllBytes(path);
        var members = 0;
        var at = 0;
        while (at < data.Length)
        {
            Assert.True(data[at] == 0x1f && data[at + 1] == 0x8b, $"no gzip member starts at byte {at}");
            members++;
            at += MemberLength(data, at);
        }
        return members;
    }

    private static int MemberLength(byte[] data, int start)
    {
        for (var next = start + 18; next < data.Length - 1; next++)
        {
            if (data[next] != 0x1f || data[next + 1] != 0x8b) continue;
            try
            {
                using var gzip = new GZipStream(new MemoryStream(data, start, next - start), CompressionMode.Decompress);
                gzip.CopyTo(Stream.Null);
                return next - start;
            }
            catch (InvalidDataException)
            {
                // A 1f 8b pair inside compressed data, not a member boundary.
            }
        }
        return data.Length - start;
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern, int from)
    {
        var index = data.AsSpan(from).IndexOf(pattern);
        return index < 0 ? -1 : from + index;
    }
}
