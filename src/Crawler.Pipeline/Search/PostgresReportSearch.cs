using System.Globalization;
using System.Text;
using Crawler.Pipeline.Storage.PostgreSql;
using Npgsql;

namespace Crawler.Pipeline.Search;

/// <summary>
/// Full-text search on the PostgreSQL store, with the behaviour of <see cref="SqliteReportSearch"/>: the text is kept in
/// <c>report_texts</c> for snippets, and its CJK-bigram form (<see cref="CjkBigrams"/>, lower-cased) in
/// <c>report_search</c> twice: as a tsvector built from the bigrams themselves (no text-search parser or dictionary,
/// so the database's locale does not matter), whose GIN index finds the versions holding every bigram of a query,
/// and as the space-framed token string, where each query term must occur as adjacent tokens (the phrase match of
/// FTS5; a trailing lone character is a prefix of the next token). Ranking is ts_rank over the bigrams, higher is
/// better, among at most <see cref="SqliteReportSearch.DefaultRankingCap"/> matching versions, newest first.
/// </summary>
public sealed class PostgresReportSearch : IReportSearch, IReportTexts
{
    // tsvector keeps positions up to 16,383 and 256 positions per lexeme; longer lexemes than 2 KB are refused.
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerLexeme = 256;
    private const int MaxLexemeBytes = 2000;
    private const int MaxLimit = 500;

    private readonly PostgresDatabase _database;
    private readonly int _rankingCap;

    public PostgresReportSearch(PostgresDatabase database)
        : this(database, SqliteReportSearch.DefaultRankingCap)
    {
    }

    internal PostgresReportSearch(PostgresDatabase database, int rankingCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rankingCap, 1);
        _database = database;
        _rankingCap = rankingCap;
    }

    public async Task IndexAsync(long versionId, string text, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await IndexAsync(connection, transaction, versionId, text, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one version's text and its search row inside the caller's transaction (also <c>crawler migrate</c>'s way of rebuilding them).</summary>
    internal static async Task IndexAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long versionId, string text,
        CancellationToken cancellationToken)
    {
        var terms = CjkBigrams.IndexTerms(text).ToLowerInvariant();
        await using (var texts = new NpgsqlCommand("""
            INSERT INTO report_texts (version_id, text) VALUES (@id, @text) ON CONFLICT (version_id) DO UPDATE SET text = excluded.text
            """, connection, transaction))
        {
            texts.Parameters.AddWithValue("id", versionId);
            texts.Parameters.AddWithValue("text", text);
            await texts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var search = new NpgsqlCommand("""
            INSERT INTO report_search (version_id, terms, vector) VALUES (@id, @terms, @vector::tsvector)
            ON CONFLICT (version_id) DO UPDATE SET terms = excluded.terms, vector = excluded.vector
            """, connection, transaction))
        {
            search.Parameters.AddWithValue("id", versionId);
            search.Parameters.AddWithValue("terms", terms + " ");
            search.Parameters.AddWithValue("vector", Vector(terms));
            await search.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string> TextAsync(long versionId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT text FROM report_texts WHERE version_id = @id", connection);
        command.Parameters.AddWithValue("id", versionId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string ?? "";
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var (expression, error) = SearchExpression.Compile(query.Text);
        if (expression is null) return SearchResults.Refused(error!);
        if (query.Limit is < 1 or > MaxLimit) return SearchResults.Refused($"--limit 须在 1 与 {MaxLimit} 之间（got {query.Limit}）");
        var phrases = expression.Terms.Select(t => CjkBigrams.QueryTokens(t).Select(k => k with { Text = k.Text.ToLowerInvariant() }).ToList()).ToList();
        var conditions = new List<string> { "s.vector @@ @query::tsquery" };
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand { Connection = connection };
        for (var i = 0; i < phrases.Count; i++)
        {
            conditions.Add($"s.terms LIKE @phrase{i}");
            command.Parameters.AddWithValue($"phrase{i}", Like(phrases[i]));
        }
        if (!string.IsNullOrWhiteSpace(query.Agency)) conditions.Add("strpos(r.agency, @agency) > 0");
        if (!string.IsNullOrWhiteSpace(query.Region)) conditions.Add("strpos(COALESCE(r.region, ''), @region) > 0");
        if (query.Year is not null) conditions.Add("r.year = @year");
        if (!string.IsNullOrWhiteSpace(query.FindingCode)) conditions.Add("EXISTS (SELECT 1 FROM findings f WHERE f.version_id = v.id AND f.code = @code)");
        if (!query.AllVersions) conditions.Add("v.is_latest");
        command.CommandText = $"""
            WITH walked AS MATERIALIZED (
                SELECT s.version_id AS id, ts_rank(s.vector, @query::tsquery) AS rank
                FROM report_search s
                JOIN report_versions v ON v.id = s.version_id
                JOIN reports r ON r.id = v.report_id
                WHERE {string.Join("\n      AND ", conditions)}
                ORDER BY s.version_id DESC LIMIT @cap + 1),
            ranked AS MATERIALIZED (SELECT id, rank FROM walked ORDER BY id DESC LIMIT @cap),
            page AS (SELECT id, rank FROM ranked ORDER BY rank DESC, id LIMIT @limit)
            SELECT v.id, r.agency, r.region, r.year, v.version, v.parsed_json ->> 'title', v.document_url, v.page_url,
                   v.finding_codes, t.text, p.rank, (SELECT COUNT(*)::int FROM ranked), (SELECT COUNT(*) FROM walked) > @cap
            FROM page p
            JOIN report_versions v ON v.id = p.id
            JOIN reports r ON r.id = v.report_id
            JOIN report_texts t ON t.version_id = v.id
            ORDER BY p.rank DESC, p.id
            """;
        command.Parameters.AddWithValue("query", TsQuery(phrases));
        if (!string.IsNullOrWhiteSpace(query.Agency)) command.Parameters.AddWithValue("agency", query.Agency.Trim());
        if (!string.IsNullOrWhiteSpace(query.Region)) command.Parameters.AddWithValue("region", query.Region.Trim());
        if (query.Year is { } year) command.Parameters.AddWithValue("year", year);
        if (!string.IsNullOrWhiteSpace(query.FindingCode)) command.Parameters.AddWithValue("code", query.FindingCode.Trim().ToUpperInvariant());
        command.Parameters.AddWithValue("limit", query.Limit);
        command.Parameters.AddWithValue("cap", _rankingCap);
        var hits = new List<SearchHit>();
        var total = 0;
        var capped = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            total = reader.GetInt32(SearchHitRow.Total);
            capped = reader.GetBoolean(SearchHitRow.Capped);
            hits.Add(SearchHitRow.Read(reader, reader.GetFloat(SearchHitRow.Rank), expression.Terms));
        }
        return new SearchResults(hits, total) { TotalIsLowerBound = capped };
    }

    /// <summary>The tsvector literal of index terms: each token with its positions ('商务':1,7 '务局':2).</summary>
    internal static string Vector(string terms)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var position = 0;
        foreach (var token in terms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            position++;
            if (Encoding.UTF8.GetByteCount(token) > MaxLexemeBytes) continue;
            if (!positions.TryGetValue(token, out var list)) positions[token] = list = [];
            if (list.Count < MaxPositionsPerLexeme) list.Add(Math.Min(position, MaxPosition));
        }
        var vector = new StringBuilder(terms.Length * 2);
        foreach (var (token, list) in positions)
        {
            // Tokens hold letters, digits and CJK characters only: no quote or backslash to escape.
            vector.Append('\'').Append(token).Append("':").AppendJoin(',', list.Distinct()).Append(' ');
        }
        return vector.ToString();
    }

    private static string TsQuery(IReadOnlyList<List<QueryToken>> phrases) =>
        string.Join(" & ", phrases.SelectMany(p => p).Select(t => $"'{t.Text}'" + (t.IsSingleCjk ? ":*" : "")).Distinct(StringComparer.Ordinal));

    /// <summary>The term as adjacent tokens in the space-framed terms: " a b " anywhere, the last one open when it is a lone character.</summary>
    private static string Like(IReadOnlyList<QueryToken> tokens)
    {
        var pattern = new StringBuilder("% ");
        pattern.AppendJoin(' ', tokens.Select(t => t.Text));
        pattern.Append(tokens[^1].IsSingleCjk ? "%" : " %");
        return pattern.ToString();
    }
}
