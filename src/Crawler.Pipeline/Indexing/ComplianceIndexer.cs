using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Keeps the compliance index (Elasticsearch:ComplianceIndexName) in step with the store: for each affected report
/// year, every agency under supervision — the missing ones too — gets its document, built from
/// <see cref="ComplianceQuery"/> exactly as <c>crawler compliance</c> lists it, queued in the index outbox (topic
/// "index", target compliance) and so sent by the one dispatcher through the official client's _bulk.
/// <para>
/// The affected years of a crawl pass are the years of the versions stored since the last pass (it observes every
/// stored version) and the season's year (<see cref="SeasonYear"/>), whose missing agencies must show up even when the
/// pass stored nothing. A document is queued again only when its content changed (the outbox key carries a hash of
/// the document without indexedAt), so passes that change nothing add nothing; <c>crawler reindex</c> queues every
/// year with stored reports under its run stamp.
/// </para>
/// </summary>
public sealed class ComplianceIndexer : IReportVersionObserver
{
    private readonly IReportStore _store;
    private readonly IOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ComplianceDeadlines _deadlines;
    private readonly ConcurrentDictionary<int, byte> _storedYears = new();

    public ComplianceIndexer(IReportStore store, IOutbox outbox, TimeProvider time, ComplianceDeadlines? deadlines = null)
    {
        _store = store;
        _outbox = outbox;
        _time = time;
        _deadlines = deadlines ?? new ComplianceDeadlines();
    }

    /// <summary>The report year being published in the Beijing calendar year of <paramref name="now"/>: its deadline falls in that year.</summary>
    public static int SeasonYear(DateTimeOffset now) => DateText.Beijing(now).Year - 1;

    public Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken)
    {
        if (version.Result.Report.Year is { } year) _storedYears.TryAdd(year, 0);
        return Task.CompletedTask;
    }

    /// <summary>After a crawl pass: the documents of the years stored since the last call and of the season's year.</summary>
    /// <returns>The documents queued (new or changed).</returns>
    public async Task<int> QueuePassAsync(IReadOnlyList<Source> supervised, CancellationToken cancellationToken)
    {
        var years = new SortedSet<int> { SeasonYear(_time.GetUtcNow()) };
        foreach (var year in _storedYears.Keys)
        {
            if (_storedYears.TryRemove(year, out _)) years.Add(year);
        }
        return await QueueAsync(supervised, years, run: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The documents of <paramref name="years"/>. With a <paramref name="run"/> stamp (reindex) each is queued under it
    /// whatever was sent before; without, only when its content differs from every earlier queued one.
    /// </summary>
    public async Task<int> QueueAsync(IReadOnlyList<Source> supervised, IEnumerable<int> years, string? run, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var today = DateText.Beijing(now);
        var queued = 0;
        foreach (var year in years.Distinct().Order())
        {
            var rows = await ComplianceQuery.LoadAsync(_store, year, supervised, _deadlines, cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var id = ComplianceIndexDocument.IdOf(row);
                var content = ComplianceIndexDocument.Content(row, today);
                var key = run is null ? $"compliance:{id}#{ContentHash(content)}" : $"compliance:{id}@reindex-{run}";
                var document = ComplianceIndexDocument.Stamp(content, now);
                var message = new IndexMessage(BulkAction.Index, id, document, IndexTarget.Compliance);
                if (await _outbox.EnqueueAsync(IndexMessage.Topic, key, message.Serialize(), cancellationToken).ConfigureAwait(false)) queued++;
            }
        }
        return queued;
    }

    /// <summary>16 hex characters of SHA-256 of the document's content (without indexedAt, which changes every time).</summary>
    private static string ContentHash(JsonObject content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString())))[..16];
}
