using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;

namespace Crawler.Worker.Tests.Scale;

/// <summary>
/// The search query as it was before the 100,000-version benchmark (bm25 over every match, filters joined on the
/// wide version rows): the reference the faster query must agree with, hit for hit and score for score.
/// </summary>
internal static class ReferenceSearch
{
    private const string Sql = """
        WITH matched AS MATERIALIZED (
            SELECT rowid AS id, bm25(report_search) AS rank FROM report_search WHERE report_search MATCH $match),
        filtered AS MATERIALIZED (
            SELECT m.id, m.rank FROM matched m
            JOIN report_versions v ON v.id = m.id
            JOIN reports r ON r.id = v.report_id
            WHERE ($agency IS NULL OR instr(r.agency, $agency) > 0)
              AND ($year IS NULL OR r.year = $year)
              AND ($all = 1 OR v.is_latest = 1)),
        page AS (SELECT id, rank FROM filtered ORDER BY rank, id LIMIT $limit)
        SELECT p.id, -p.rank, (SELECT COUNT(*) FROM filtered) FROM page p ORDER BY p.rank, p.id
        """;

    public static async Task<(IReadOnlyList<(long Id, double Score)> Hits, int Total)> RunAsync(StateDatabase database, SearchQuery query)
    {
        var (expression, error) = SearchExpression.Compile(query.Text);
        Assert.True(expression is not null, error);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$match", expression!.Match);
        command.Parameters.AddWithValue("$agency", (object?)query.Agency ?? DBNull.Value);
        command.Parameters.AddWithValue("$year", (object?)query.Year ?? DBNull.Value);
        command.Parameters.AddWithValue("$all", query.AllVersions ? 1 : 0);
        command.Parameters.AddWithValue("$limit", query.Limit);
        var hits = new List<(long, double)>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hits.Add((reader.GetInt64(0), reader.GetDouble(1)));
            total = reader.GetInt32(2);
        }
        return (hits, total);
    }
}
