using Crawler.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Search;

/// <summary>
/// FTS5 over the state database: <c>report_texts</c> keeps each version's original text (for snippets),
/// <c>report_search</c> its CJK-bigram form (see <see cref="CjkBigrams"/>), ranked by bm25.
/// </summary>
public sealed class SqliteReportSearch : IReportSearch
{
    private const int MaxLimit = 500;
    private readonly StateDatabase _database;

    public SqliteReportSearch(StateDatabase database) => _database = database;

    public async Task IndexAsync(long versionId, string text, CancellationToken cancellationToken)
    {
        var terms = CjkBigrams.IndexTerms(text);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (sql, value) in new (string, string?)[]
                 {
                     ("INSERT OR REPLACE INTO report_texts (version_id, text) VALUES ($id, $value)", text),
                     ("DELETE FROM report_search WHERE rowid = $id", null),
                     ("INSERT INTO report_search (rowid, terms) VALUES ($id, $value)", terms),
                 })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", versionId);
            if (value is not null) command.Parameters.AddWithValue("$value", value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var (expression, error) = SearchExpression.Compile(query.Text);
        if (expression is null) return SearchResults.Refused(error!);
        if (query.Limit is < 1 or > MaxLimit) return SearchResults.Refused($"--limit 须在 1 与 {MaxLimit} 之间（got {query.Limit}）");
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var mmap = connection.CreateCommand())
        {
            // A large index is read through the page cache directly instead of a read() copy per page.
            mmap.CommandText = "PRAGMA mmap_size = 268435456";
            await mmap.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var command = connection.CreateCommand();
        var narrowed = !string.IsNullOrWhiteSpace(query.Agency) || !string.IsNullOrWhiteSpace(query.Region) || query.Year is not null
                       || !string.IsNullOrWhiteSpace(query.FindingCode);
        command.CommandText = (narrowed ? RankFiltered : RankLatest) + """
            page AS (SELECT id, rank FROM ranked ORDER BY rank, id LIMIT $limit)
            SELECT v.id, r.agency, r.region, r.year, v.version, json_extract(v.parsed_json, '$.title'), v.document_url, v.page_url,
                   v.finding_codes, t.text, p.rank, (SELECT COUNT(*) FROM ranked)
            FROM page p
            JOIN report_versions v ON v.id = p.id
            JOIN reports r ON r.id = v.report_id
            JOIN report_texts t ON t.version_id = v.id
            ORDER BY p.rank, p.id
            """;
        command.Parameters.AddWithValue("$match", expression.Match);
        command.Parameters.AddWithValue("$agency", Blank(query.Agency));
        command.Parameters.AddWithValue("$region", Blank(query.Region));
        command.Parameters.AddWithValue("$year", query.Year is { } year ? year : DBNull.Value);
        command.Parameters.AddWithValue("$code", Blank(query.FindingCode?.ToUpperInvariant()));
        command.Parameters.AddWithValue("$all", query.AllVersions ? 1 : 0);
        command.Parameters.AddWithValue("$limit", query.Limit);
        var hits = new List<SearchHit>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            total = reader.GetInt32(11);
            hits.Add(new SearchHit
            {
                VersionId = reader.GetInt64(0),
                Agency = reader.GetString(1),
                Region = reader.IsDBNull(2) ? null : reader.GetString(2),
                Year = reader.GetInt32(3),
                Version = reader.GetInt32(4),
                Title = reader.IsDBNull(5) ? null : reader.GetString(5),
                DocumentUrl = new Uri(reader.GetString(6)),
                PageUrl = reader.IsDBNull(7) ? null : new Uri(reader.GetString(7)),
                FindingCodes = reader.GetString(8).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                // bm25() is lower-is-better and negative; flip it so callers read "higher is better".
                Score = -reader.GetDouble(10),
                Snippet = SearchSnippet.Build(reader.GetString(9), expression.Terms),
            });
        }
        return new SearchResults(hits, total);
    }

    // At 100,000 versions (docs/benchmarks.md, "Embedded search"): the version filters read the narrow
    // report_versions_search index, not the wide rows (one page each), and bm25 — about a microsecond per row —
    // runs only for versions that pass. Without agency/region/year/finding filters one FTS pass does both.
    private const string RankLatest = """
        WITH ranked AS MATERIALIZED (
            SELECT s.rowid AS id, bm25(report_search) AS rank FROM report_search s
            JOIN report_versions v INDEXED BY report_versions_search ON v.id = s.rowid
            WHERE report_search MATCH $match AND ($all = 1 OR v.is_latest = 1)),

        """;

    // Match without ranking (a doclist walk), filter, then rank only the survivors in a second pass.
    private const string RankFiltered = """
        WITH matched AS MATERIALIZED (
            SELECT rowid AS id FROM report_search WHERE report_search MATCH $match),
        filtered AS MATERIALIZED (
            SELECT m.id FROM matched m
            JOIN report_versions v INDEXED BY report_versions_search ON v.id = m.id
            JOIN reports r ON r.id = v.report_id
            WHERE ($agency IS NULL OR instr(r.agency, $agency) > 0)
              AND ($region IS NULL OR instr(COALESCE(r.region, ''), $region) > 0)
              AND ($year IS NULL OR r.year = $year)
              AND ($code IS NULL OR EXISTS (SELECT 1 FROM findings f WHERE f.version_id = v.id AND f.code = $code))
              AND ($all = 1 OR v.is_latest = 1)),
        ranked AS MATERIALIZED (
            SELECT rowid AS id, bm25(report_search) AS rank FROM report_search
            WHERE report_search MATCH $match AND +rowid IN (SELECT id FROM filtered)),

        """;

    private static object Blank(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();
}
