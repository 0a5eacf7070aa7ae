using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Tests.Archiving;

public sealed class WarcWriterTests : IDisposable
{
    private static readonly DateTimeOffset CrawlStart = new(2026, 1, 20, 8, 30, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("warc-").FullName;

    [Fact]
    public async Task An_exchange_is_written_as_warcinfo_request_and_response_with_correct_digests_and_exact_payload()
    {
        var payload = Encoding.UTF8.GetBytes("<html><title>聊城市商务局2023年政府信息公开工作年度报告</title></html>\r\n\r\nWARC/1.1 inside the body");
        var (file, records) = await WriteAsync(async (writer, archive) =>
            await writer.WriteExchangeAsync(Response(200, "/col/art/2024/1.html"), await archive.StoreAsync(new MemoryStream(payload), null, default),
                "127.0.0.1", default));

        Assert.Matches(@"crawl-20260120T083000Z-1\.warc\.gz$", file);
        Assert.Equal(["warcinfo", "request", "response"], records.Select(r => r["WARC-Type"]));
        Assert.Equal(3, WarcRecordReader.CountGzipMembers(file));
        var (info, request, response) = (records[0], records[1], records[2]);
        Assert.Equal("application/warc-fields", info["Content-Type"]);
        Assert.Contains("format: WARC File Format 1.1", Encoding.UTF8.GetString(info.Block));
        Assert.Equal(Path.GetFileName(file), info["WARC-Filename"]);

        Assert.Equal("http://127.0.0.1:8080/col/art/2024/1.html", response["WARC-Target-URI"]);
        Assert.Equal("2026-01-20T08:31:05Z", response["WARC-Date"]);
        Assert.Equal("127.0.0.1", response["WARC-IP-Address"]);
        Assert.Equal("application/http;msgtype=response", response["Content-Type"]);
        Assert.Matches("^<urn:uuid:[0-9a-f-]{36}>$", response["WARC-Record-ID"]);
        Assert.Equal(info["WARC-Record-ID"], response["WARC-Warcinfo-ID"]);
        Assert.Equal(response["WARC-Record-ID"], request["WARC-Concurrent-To"]);
        Assert.Equal("application/http;msgtype=request", request["Content-Type"]);
        Assert.StartsWith("GET /col/art/2024/1.html HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: crawler-test\r\n", Encoding.ASCII.GetString(request.Block));

        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nETag: \"v1\"\r\nX-Crawler-Orig-Transfer-Encoding: chunked\r\n" +
                   $"Content-Length: {payload.Length}\r\n\r\n";
        Assert.Equal(Encoding.ASCII.GetBytes(head).Concat(payload).ToArray(), response.Block);
        Assert.Equal(WarcDigest.Sha256(SHA256.HashData(payload)), response["WARC-Payload-Digest"]);
        Assert.Equal(WarcDigest.Sha256(SHA256.HashData(response.Block)), response["WARC-Block-Digest"]);
        Assert.Equal(WarcDigest.Sha256(SHA256.HashData(request.Block)), request["WARC-Block-Digest"]);
    }

    [Fact]
    public async Task A_304_is_a_revisit_record_that_refers_to_the_earlier_capture()
    {
        var previous = new KnownFetch("\"v1\"", null, Convert.ToHexStringLower(SHA256.HashData("old"u8)), CrawlStart.AddDays(-3));
        var (_, records) = await WriteAsync((writer, _) => writer.WriteRevisitAsync(Response(304, "/r.pdf"), previous, null, default));

        Assert.Equal(["warcinfo", "request", "revisit"], records.Select(r => r["WARC-Type"]));
        var revisit = records[2];
        Assert.Equal(revisit["WARC-Record-ID"], records[1]["WARC-Concurrent-To"]);
        Assert.Equal("revisit", revisit["WARC-Type"]);
        Assert.Equal("http://netpreserve.org/warc/1.1/revisit/server-not-modified", revisit["WARC-Profile"]);
        Assert.Equal("2026-01-17T08:30:00Z", revisit["WARC-Refers-To-Date"]);
        Assert.Equal("http://127.0.0.1:8080/r.pdf", revisit["WARC-Refers-To-Target-URI"]);
        Assert.Equal(WarcDigest.Sha256(SHA256.HashData("old"u8)), revisit["WARC-Payload-Digest"]);
        Assert.StartsWith("HTTP/1.1 304 Not Modified\r\n", Encoding.ASCII.GetString(revisit.Block));
        Assert.False(revisit.Headers.ContainsKey("WARC-IP-Address"));
    }

    [Fact]
    public async Task Python_warc_reading_with_gzip_confirms_framing_and_digests()
    {
        var payload = RandomNumberGenerator.GetBytes(200_000);
        var (file, _) = await WriteAsync(async (writer, archive) =>
        {
            await writer.WriteExchangeAsync(Response(200, "/a.pdf"), await archive.StoreAsync(new MemoryStream(payload), null, default), null, default);
            await writer.WriteRevisitAsync(Response(304, "/a.pdf"), null, null, default);
        });
        var script = """
            import gzip, hashlib, base64, sys
            data = gzip.open(sys.argv[1]).read()
            at, out = 0, []
            while at < len(data):
                end = data.index(b"\r\n\r\n", at)
                lines = data[at:end].decode("utf-8").split("\r\n")
                assert lines[0] == "WARC/1.1", lines[0]
                h = dict(l.split(": ", 1) for l in lines[1:])
                n = int(h["Content-Length"]); block = data[end + 4:end + 4 + n]
                assert data[end + 4 + n:end + 8 + n] == b"\r\n\r\n"
                if "WARC-Block-Digest" in h:
                    assert h["WARC-Block-Digest"] == "sha256:" + base64.b32encode(hashlib.sha256(block).digest()).decode(), h["WARC-Type"]
                if h["WARC-Type"] == "response":
                    body = block[block.index(b"\r\n\r\n") + 4:]
                    assert h["WARC-Payload-Digest"] == "sha256:" + base64.b32encode(hashlib.sha256(body).digest()).decode()
                    out.append("payload=%d" % len(body))
                out.append(h["WARC-Type"])
                at = end + 8 + n
            print(" ".join(out))
            """;
        var python = Process.Start(new ProcessStartInfo("python3", ["-c", script, file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();

        Assert.True(python.ExitCode == 0, error);
        Assert.Equal("warcinfo request payload=200000 response request revisit", output.Trim());

        // What an archivist sees first with zcat | head: WARC/1.1 framing with CRLF line ends.
        var zcat = Process.Start(new ProcessStartInfo("zcat", [file]) { RedirectStandardOutput = true })!;
        var text = await zcat.StandardOutput.ReadToEndAsync();
        await zcat.WaitForExitAsync();
        Assert.Equal(0, zcat.ExitCode);
        Assert.StartsWith("WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:", text);
    }

    [Fact]
    public async Task A_full_file_rolls_over_between_exchanges_to_the_next_number_with_its_own_warcinfo()
    {
        var factory = new WarcWriterFactory(Path.Combine(_root, "warc"), TimeProvider.System, maxFileBytes: 1);
        var archive = new ContentAddressedArchive(Path.Combine(_root, "archive"));
        await using (var writer = factory.Create(CrawlStart))
        {
            var body = await archive.StoreAsync(new MemoryStream("x"u8.ToArray()), null, default);
            await writer.WriteExchangeAsync(Response(200, "/1"), body, null, default);
            await writer.WriteExchangeAsync(Response(200, "/2"), body, null, default);
            Assert.Equal(2, writer.Files.Count);
        }

        var files = Directory.GetFiles(Path.Combine(_root, "warc")).Order().ToList();
        Assert.Equal(["crawl-20260120T083000Z-1.warc.gz", "crawl-20260120T083000Z-2.warc.gz"], files.Select(Path.GetFileName));
        var second = WarcRecordReader.Read(files[1]);
        Assert.Equal(["warcinfo", "request", "response"], second.Select(r => r["WARC-Type"]));
        Assert.Equal("http://127.0.0.1:8080/2", second[2]["WARC-Target-URI"]);
    }

    [Fact]
    public async Task Two_nodes_sharing_one_folder_started_in_the_same_second_write_files_named_after_themselves()
    {
        var archive = new ContentAddressedArchive(Path.Combine(_root, "archive"));
        var body = await archive.StoreAsync(new MemoryStream("x"u8.ToArray()), null, default);
        foreach (var node in new[] { "worker-a", "worker-b" })
        {
            await using var writer = new WarcWriterFactory(Path.Combine(_root, "warc"), TimeProvider.System, node: node).Create(CrawlStart);
            await writer.WriteExchangeAsync(Response(200, "/" + node), body, null, default);
        }

        var files = Directory.GetFiles(Path.Combine(_root, "warc")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["crawl-worker-a-20260120T083000Z-1.warc.gz", "crawl-worker-b-20260120T083000Z-1.warc.gz"], files);
        Assert.Equal("http://127.0.0.1:8080/worker-b", WarcRecordReader.Read(Path.Combine(_root, "warc", files[1]!))[2]["WARC-Target-URI"]);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY======")]
    [InlineData("foobar", "MZXW6YTBOI======")]
    public void Base32_follows_rfc_4648(string input, string expected) =>
        Assert.Equal(expected, WarcDigest.Base32(Encoding.ASCII.GetBytes(input)));

    private async Task<(string File, IReadOnlyList<WarcRecordReader.Record> Records)> WriteAsync(Func<WarcWriter, ContentAddressedArchive, Task> write)
    {
        var factory = new WarcWriterFactory(Path.Combine(_root, "warc"), TimeProvider.System);
        await using (var writer = factory.Create(CrawlStart))
        {
            await write(writer, new ContentAddressedArchive(Path.Combine(_root, "archive")));
        }
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "warc")));
        return (file, WarcRecordReader.Read(file));
    }

    private static FetchedResponse Response(int status, string path) => new()
    {
        RequestedUrl = new Uri("http://127.0.0.1:8080" + path),
        FinalUrl = new Uri("http://127.0.0.1:8080" + path),
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        RequestHeaders = [new("User-Agent", "crawler-test")],
        ResponseHeaders = [new("Content-Type", "text/html; charset=utf-8"), new("ETag", "\"v1\""), new("Transfer-Encoding", "chunked")],
        FetchedAt = new DateTimeOffset(2026, 1, 20, 8, 31, 5, TimeSpan.Zero),
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
