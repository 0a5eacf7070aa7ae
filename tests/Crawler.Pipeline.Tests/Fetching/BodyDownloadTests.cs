using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Tests.Fetching;

/// <summary>
/// The trickle guard against a body read late: the whole 300-byte page handed over in one read, three (clock)
/// seconds after the request, as a worker starved of CPU sees a small page the server sent at once.
/// </summary>
public sealed class BodyDownloadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("body-download-").FullName;

    private FetchOptions Options => new()
    {
        ContactUrl = "https://example.org/crawler-contact",
        TemporaryDirectory = folder,
        MinTransferBytesPerSecond = 1000,
        TransferRateGracePeriod = TimeSpan.FromMilliseconds(500),
    };

    [Fact]
    public async Task A_body_with_all_its_declared_bytes_is_kept_however_late_it_was_read()
    {
        var clock = new SteppingClock();
        var download = await BodyDownload.SaveAsync(new LatePage(clock), Options, clock, CancellationToken.None, declaredLength: 300);

        Assert.Null(download.Error);
        Assert.Equal(300, download.Length);
        Assert.Equal(300, new FileInfo(download.Path!).Length);
    }

    [Fact]
    public async Task A_body_still_short_of_its_declared_length_or_without_one_is_aborted_as_trickling()
    {
        var clock = new SteppingClock();
        var short_ = await BodyDownload.SaveAsync(new LatePage(clock), Options, clock, CancellationToken.None, declaredLength: 5000);
        var undeclared = await BodyDownload.SaveAsync(new LatePage(clock), Options, clock, CancellationToken.None);

        Assert.StartsWith("the server trickles: 100 bytes/s", short_.Error);
        Assert.StartsWith("the server trickles: 100 bytes/s", undeclared.Error);
        Assert.Equal((300, 300), (short_.Length, undeclared.Length));
        Assert.Empty(Directory.GetFiles(folder, "*.body"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class SteppingClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }

    private sealed class LatePage(SteppingClock clock) : Stream
    {
        private bool sent;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override int Read(Span<byte> buffer)
        {
            if (sent) return 0;
            sent = true;
            clock.Advance(TimeSpan.FromSeconds(3));
            buffer[..300].Fill((byte)'x');
            return 300;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
