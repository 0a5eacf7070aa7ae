using Crawler.Pipeline.Processing;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>Remembers what was announced; can be told to fail once (an outbox that is briefly unavailable).</summary>
internal sealed class RecordingObserver : IReportVersionObserver
{
    public List<StoredReportVersion> Announced { get; } = [];

    public bool FailNext { get; set; }

    public Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new IOException("outbox unavailable");
        }
        Announced.Add(version);
        return Task.CompletedTask;
    }
}
