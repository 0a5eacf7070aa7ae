using System.Globalization;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Rebuilds the index from the state store: every stored version is queued again under its stable document id
/// (so nothing is duplicated) with isLatest recomputed, then the queue is drained. Runs through the same outbox
/// as the worker, so an outage part-way leaves the rest queued for the worker to send. With the compliance index
/// (<see cref="ComplianceIndexer"/>), every year with stored reports and the season's year get their compliance
/// documents again too, the supervised agencies without a report among them.
/// </summary>
public sealed class Reindexer
{
    private readonly IReportVersionSource _versions;
    private readonly IOutbox _outbox;
    private readonly IReportIndex _index;
    private readonly OutboxDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ComplianceDeadlines _deadlines;
    private readonly ComplianceIndexer? _compliance;

    public Reindexer(IReportVersionSource versions, IOutbox outbox, IReportIndex index, OutboxDispatcher dispatcher, TimeProvider time,
        ComplianceDeadlines? deadlines = null, ComplianceIndexer? compliance = null)
    {
        _compliance = compliance;
        _deadlines = deadlines ?? new ComplianceDeadlines();
        _versions = versions;
        _outbox = outbox;
        _index = index;
        _dispatcher = dispatcher;
        _time = time;
    }

    public Task<ReindexSummary> RunAsync(CancellationToken cancellationToken) => RunAsync([], cancellationToken);

    /// <param name="supervised">The agencies under supervision: their compliance documents are written even without a stored report.</param>
    public async Task<ReindexSummary> RunAsync(IReadOnlyList<Source> supervised, CancellationToken cancellationToken)
    {
        var all = new List<StoredReportVersion>();
        await foreach (var version in _versions.AllVersionsAsync(cancellationToken).ConfigureAwait(false)) all.Add(version);

        var ensured = await _index.EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        // The run stamp keeps this run's outbox keys apart from earlier deliveries of the same documents.
        var run = now.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        var queued = 0;
        foreach (var report in all.GroupBy(v => (ReportIndexDocument.AgencyOf(v), v.Result.Report.Year)))
        {
            var latest = report.Max(v => v.Version);
            foreach (var version in report)
            {
                var id = ReportIndexDocument.IdOf(version);
                var compliance = ReportCompliance.Judge(version, report, _deadlines);
                var message = new IndexMessage(BulkAction.Index, id, ReportIndexDocument.Build(version, version.Version == latest, now, compliance));
                if (await _outbox.EnqueueAsync(IndexMessage.Topic, $"{id}@reindex-{run}", message.Serialize(), cancellationToken).ConfigureAwait(false)) queued++;
            }
        }
        var complianceQueued = 0;
        if (_compliance is not null)
        {
            var years = all.Select(v => v.Result.Report.Year).OfType<int>().Append(ComplianceIndexer.SeasonYear(now));
            complianceQueued = await _compliance.QueueAsync(supervised, years, run, cancellationToken).ConfigureAwait(false);
        }
        if (!ensured.Succeeded)
            return new ReindexSummary(all.Count, queued, 0, 0, await PendingAsync(cancellationToken).ConfigureAwait(false), ensured.Error, complianceQueued);

        var sent = await _dispatcher.DrainAsync(IndexMessage.Topic, cancellationToken).ConfigureAwait(false);
        return new ReindexSummary(all.Count, queued, sent.Delivered, sent.Dead, await PendingAsync(cancellationToken).ConfigureAwait(false), sent.Unreachable, complianceQueued);
    }

    private async Task<int> PendingAsync(CancellationToken cancellationToken) =>
        (await _outbox.CountAsync(IndexMessage.Topic, cancellationToken).ConfigureAwait(false))[OutboxStatus.Pending];
}
