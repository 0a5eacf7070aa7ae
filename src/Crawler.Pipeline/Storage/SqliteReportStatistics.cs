using System.Globalization;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// <see cref="IReportStatistics"/> on the state database: json_extract over the stored parsed JSON, so 1,000 agencies'
/// reports are summed in SQLite rather than deserialized one by one.
/// </summary>
public sealed class SqliteReportStatistics(StateDatabase database) : IReportStatistics
{
    public async Task<IReadOnlyList<YearTotals>> YearTotalsAsync(IReadOnlyList<string> figureKeys, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sums = string.Concat(figureKeys.Select((_, i) => $", TOTAL(json_extract(v.parsed_json, $p{i}))"));
        command.CommandText = $"""
            SELECT r.year, COUNT(*){sums}
            FROM report_versions v JOIN reports r ON r.id = v.report_id
            WHERE v.is_latest = 1
            GROUP BY r.year ORDER BY r.year
            """;
        for (var i = 0; i < figureKeys.Count; i++) command.Parameters.AddWithValue($"$p{i}", "$." + figureKeys[i]);
        var years = new List<YearTotals>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var i = 0; i < figureKeys.Count; i++) values[figureKeys[i]] = Convert.ToDecimal(reader.GetDouble(i + 2), CultureInfo.InvariantCulture);
            years.Add(new YearTotals(reader.GetInt32(0), reader.GetInt32(1), values));
        }
        return years;
    }
}
