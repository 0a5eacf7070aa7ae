using Crawler.Reports.Model;
using Crawler.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace Crawler.Pipeline.Search;

/// <summary>
/// FTS5 over the state database: <c>report_texts</c> keeps each version's original text (for snippets),
/// <c>report_search</c> its CJK-bigram form (see <see cref="CjkBigrams"/>), ranked by bm25 among at most
/// <see cref="DefaultRankingCap"/> matching versions, newest first (<see cref="SearchStatement"/>).
/// </summary>
public sealed class SqliteReportSearch : IReportSearch, IReportTexts
{
    /// <summary>How many matching versions (after filters) one query ranks at most, newest first.</summary>
    public const int DefaultRankingCap = 5000;

    private const int MaxLimit = 500;
    private readonly StateDatabase _database;
    private readonly int _rankingCap;

    public SqliteReportSearch(StateDatabase database)
        : this(database, DefaultRankingCap)
    {
    }

    internal SqliteReportSearch(StateDatabase database, int rankingCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rankingCap, 1);
        _database = database;
        _rankingCap = rankingCap;
    }

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

    public async Task<string> TextAsync(long versionId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM report_texts WHERE version_id = $id";
        command.Parameters.AddWithValue("$id", versionId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string ?? "";
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
        command.CommandText = SearchStatement.For(query);
        command.Parameters.AddWithValue("$match", expression.Match);
        command.Parameters.AddWithValue("$agency", Blank(query.Agency));
        command.Parameters.AddWithValue("$region", Blank(query.Region));
        command.Parameters.AddWithValue("$year", query.Year is { } year ? year : DBNull.Value);
        command.Parameters.AddWithValue("$code", Blank(query.FindingCode?.ToUpperInvariant()));
        command.Parameters.AddWithValue("$all", query.AllVersions ? 1 : 0);
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.Parameters.AddWithValue("$cap", _rankingCap);
        var hits = new List<SearchHit>();
        var total = 0;
        var capped = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            total = reader.GetInt32(SearchHitRow.Total);
            capped = reader.GetInt64(SearchHitRow.Capped) != 0;
            // bm25() is lower-is-better and negative; flip it so callers read "higher is better".
            hits.Add(SearchHitRow.Read(reader, -reader.GetDouble(SearchHitRow.Rank), expression.Terms));
        }
        return new SearchResults(hits, total) { TotalIsLowerBound = capped };
    }

    private static object Blank(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();
}
