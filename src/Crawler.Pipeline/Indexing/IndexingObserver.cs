using System.Text.Json.Nodes;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Queues a stored version for the index, inside processing: the document under its stable id, and for each
/// earlier version of the same report a partial update isLatest=false. Enqueueing never touches the network,
/// so crawling goes on whatever state the cluster is in; announcing the same version twice queues nothing new.
/// </summary>
public sealed class IndexingObserver : IReportVersionObserver
{
    private readonly IOutbox _outbox;
    private readonly IReportVersionSource _versions;
    private readonly TimeProvider _time;
    private readonly ComplianceDeadlines _deadlines;

    public IndexingObserver(IOutbox outbox, IReportVersionSource versions, TimeProvider time, ComplianceDeadlines? deadlines = null)
    {
        _outbox = outbox;
        _versions = versions;
        _time = time;
        _deadlines = deadlines ?? new ComplianceDeadlines();
    }

    public async Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken)
    {
        var id = ReportIndexDocument.IdOf(version);
        IReadOnlyList<StoredReportVersion> earlier = version.Version <= 1 ? []
            : await _versions.VersionsOfAsync(ReportIndexDocument.AgencyOf(version), version.Result.Report.Year, cancellationToken).ConfigureAwait(false);
        // Judged on the report (the earliest date any version states), as crawler compliance judges it.
        var compliance = ReportCompliance.Judge(version, earlier, _deadlines);
        var document = ReportIndexDocument.Build(version, isLatest: true, _time.GetUtcNow(), compliance);
        await _outbox.EnqueueAsync(IndexMessage.Topic, id, new IndexMessage(BulkAction.Index, id, document).Serialize(), cancellationToken).ConfigureAwait(false);
        if (version.Version <= 1) return;

        foreach (var previous in earlier.Where(v => v.Version < version.Version))
        {
            var previousId = ReportIndexDocument.IdOf(previous);
            if (previousId == id) continue;
            var update = new IndexMessage(BulkAction.Update, previousId, new JsonObject { ["isLatest"] = false });
            await _outbox.EnqueueAsync(IndexMessage.Topic, $"{previousId}:superseded-by:{id}", update.Serialize(), cancellationToken).ConfigureAwait(false);
        }
    }
}
