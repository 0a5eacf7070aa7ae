using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>The reports "stored" so far, for the deadline check (until the store's catalog is merged).</summary>
internal sealed class InTestCatalog : IReportCatalog
{
    private readonly HashSet<(string SourceId, int Year)> _reports = [];

    public void Add(string sourceId, int year) => _reports.Add((sourceId, year));

    public Task<bool> HasReportAsync(string sourceId, int year, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.Contains((sourceId, year)));
}
