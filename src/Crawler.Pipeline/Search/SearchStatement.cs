namespace Crawler.Pipeline.Search;

/// <summary>
/// The SQL of one search, bounded: matches are walked newest first (FTS5 serves <c>ORDER BY rowid DESC</c> from
/// the doclist without sorting, and computes bm25 only for the rows walked) and the walk stops after
/// <c>$cap</c> versions that pass the filters. Up to the cap the hits, scores and total are those of ranking every
/// match; past it the hits are the best of the newest <c>$cap</c> and the total is a lower bound
/// (docs/benchmarks.md, "Embedded search at 100,000 report versions").
/// </summary>
internal static class SearchStatement
{
    // One more row than the cap tells a walk that stopped at the cap from one that ran out of matches.
    private const string Tail = """
        ranked AS MATERIALIZED (SELECT id, rank FROM walked ORDER BY id DESC LIMIT $cap),
        page AS (SELECT id, rank FROM ranked ORDER BY rank, id LIMIT $limit)
        SELECT v.id, r.agency, r.region, r.year, v.version, json_extract(v.parsed_json, '$.title'), v.document_url, v.page_url,
               v.finding_codes, t.text, p.rank, (SELECT COUNT(*) FROM ranked), (SELECT COUNT(*) FROM walked) > $cap
        FROM page p
        JOIN report_versions v ON v.id = p.id
        JOIN reports r ON r.id = v.report_id
        JOIN report_texts t ON t.version_id = v.id
        ORDER BY p.rank, p.id
        """;

    // Without filters one FTS pass joins the narrow index for is_latest; the rows it drops are not ranked.
    private const string Latest = """
        WITH walked AS MATERIALIZED (
            SELECT s.rowid AS id, bm25(report_search) AS rank FROM report_search s
            JOIN report_versions v INDEXED BY report_versions_search ON v.id = s.rowid
            WHERE report_search MATCH $match AND ($all = 1 OR v.is_latest = 1)
            ORDER BY s.rowid DESC LIMIT $cap + 1),

        """;

    public static string For(SearchQuery query) => (IsFiltered(query) ? Filtered(query) : Latest) + Tail;

    public static bool IsFiltered(SearchQuery query) =>
        !string.IsNullOrWhiteSpace(query.Agency) || !string.IsNullOrWhiteSpace(query.Region) || query.Year is not null
        || !string.IsNullOrWhiteSpace(query.FindingCode);

    // The filters name versions from the relational side first (reports by year, findings by code: indexes),
    // then the FTS walk keeps those ids. "+rowid" keeps FTS5 walking its doclist: without the plus it seeks
    // once per id, which measured 21 s for 10,684 ids against 50 ms for the walk.
    private static string Filtered(SearchQuery query)
    {
        var conditions = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Agency)) conditions.Add("instr(r.agency, $agency) > 0");
        if (!string.IsNullOrWhiteSpace(query.Region)) conditions.Add("instr(COALESCE(r.region, ''), $region) > 0");
        if (query.Year is not null) conditions.Add("r.year = $year");
        if (!query.AllVersions) conditions.Add("w.is_latest = 1");
        var versions = string.IsNullOrWhiteSpace(query.FindingCode)
            ? """
              SELECT w.id FROM reports r
              CROSS JOIN report_versions v INDEXED BY sqlite_autoindex_report_versions_1
              CROSS JOIN report_versions w INDEXED BY report_versions_search
              WHERE v.report_id = r.id AND w.id = v.id
              """
            : """
              SELECT DISTINCT w.id FROM findings f INDEXED BY findings_by_code
              CROSS JOIN report_versions w INDEXED BY report_versions_search
              CROSS JOIN reports r
              WHERE f.code = $code AND w.id = f.version_id AND r.id = w.report_id
              """;
        return "WITH filtered AS MATERIALIZED (\n" + versions + string.Concat(conditions.Select(c => "\n  AND " + c)) + "),\n" + """
            walked AS MATERIALIZED (
                SELECT rowid AS id, bm25(report_search) AS rank FROM report_search
                WHERE report_search MATCH $match AND +rowid IN (SELECT id FROM filtered)
                ORDER BY rowid DESC LIMIT $cap + 1),

            """;
    }
}
