namespace Crawler.Pipeline.Storage;

/// <summary>
/// The state database's schema, one step per version; a step is never edited once released, only
/// followed by a new one. <see cref="StateDatabase"/> applies the missing steps in one transaction each.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: fetch history, documents, reports and their versions, findings, processing state.
        """
        CREATE TABLE fetches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_id TEXT,
            url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            status INTEGER NOT NULL,
            response_headers TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            fetched_at TEXT NOT NULL,
            sha256 TEXT,
            media_type TEXT,
            size INTEGER,
            error TEXT);
        CREATE INDEX fetches_by_url ON fetches (url, id);

        CREATE TABLE documents (
            sha256 TEXT PRIMARY KEY,
            media_type TEXT,
            size INTEGER NOT NULL,
            first_seen_at TEXT NOT NULL);

        CREATE TABLE reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            agency TEXT NOT NULL,
            year INTEGER NOT NULL,
            source_id TEXT NOT NULL,
            region TEXT,
            first_seen_at TEXT NOT NULL,
            UNIQUE (agency, year));
        CREATE INDEX reports_by_source ON reports (source_id, year);

        CREATE TABLE report_versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            report_id INTEGER NOT NULL REFERENCES reports (id),
            version INTEGER NOT NULL,
            is_latest INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            text_sha256 TEXT NOT NULL,
            source_id TEXT NOT NULL,
            document_url TEXT NOT NULL,
            page_url TEXT,
            media_type TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            stored_at TEXT NOT NULL,
            template TEXT NOT NULL,
            finding_codes TEXT NOT NULL,
            parsed_json TEXT NOT NULL,
            UNIQUE (report_id, version),
            UNIQUE (report_id, sha256));

        CREATE TABLE findings (
            version_id INTEGER NOT NULL REFERENCES report_versions (id),
            ordinal INTEGER NOT NULL,
            code TEXT NOT NULL,
            severity TEXT NOT NULL,
            location TEXT NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (version_id, ordinal));
        CREATE INDEX findings_by_code ON findings (code, version_id);

        CREATE TABLE processing (
            sha256 TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            detail TEXT,
            attempts INTEGER NOT NULL,
            source_id TEXT NOT NULL,
            url TEXT NOT NULL,
            page_url TEXT,
            role TEXT NOT NULL,
            link_text TEXT,
            year_hint INTEGER,
            media_type TEXT,
            fetched_at TEXT NOT NULL,
            first_attempt_at TEXT NOT NULL,
            last_attempt_at TEXT NOT NULL,
            version_id INTEGER);
        CREATE INDEX processing_by_status ON processing (status);
        """,

        // 2: embedded full-text search: the original text for snippets, CJK bigrams for matching.
        """
        CREATE TABLE report_texts (
            version_id INTEGER PRIMARY KEY REFERENCES report_versions (id),
            text TEXT NOT NULL);
        CREATE VIRTUAL TABLE report_search USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2');
        """,

        // 3: versions are told apart by their content (template + figures), not by their extracted text.
        """
        ALTER TABLE report_versions RENAME COLUMN text_sha256 TO content_fingerprint;
        """,

        // 4: search filters read (id → is_latest, report_id) from a narrow index instead of the wide version rows
        //    (each holds its parsed JSON, so one row per page: 100,000 matches meant 100,000 page reads), and years by index.
        """
        CREATE INDEX report_versions_search ON report_versions (id, is_latest, report_id);
        CREATE INDEX reports_by_year ON reports (year);
        """,

        // 5: a one-character prefix index for search terms ending in a lone character (2021年 → "2021 年"*): without
        //    it every query merged all 年… doclists twice (the match and bm25's phrase count), 100+ ms of CPU at
        //    100,000 versions (docs/benchmarks.md). FTS5 options are fixed at creation: rebuild from the table's content.
        """
        CREATE VIRTUAL TABLE report_search_prefixed USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2', prefix = '1');
        INSERT INTO report_search_prefixed (rowid, terms) SELECT rowid, terms FROM report_search;
        DROP TABLE report_search;
        ALTER TABLE report_search_prefixed RENAME TO report_search;
        """,

        // 6: publication dates (docs/publication-dates.md): the chosen date (yyyy-MM-dd, or yyyy-MM when only a month is
        //    known) and its source for each version, every date found as JSON, the list entry's date kept with the
        //    processing state (a quarantined attachment retried from the archive still has it), and one row per
        //    crawl of a source for the status page (last checked, last changed, last problem).
        """
        ALTER TABLE report_versions ADD COLUMN published_at TEXT;
        ALTER TABLE report_versions ADD COLUMN published_at_source TEXT;
        ALTER TABLE report_versions ADD COLUMN publication_dates TEXT;
        ALTER TABLE processing ADD COLUMN listed_on TEXT;
        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            documents INTEGER NOT NULL,
            new_reports INTEGER NOT NULL,
            new_versions INTEGER NOT NULL,
            failures INTEGER NOT NULL,
            problems TEXT);
        CREATE INDEX crawl_runs_by_source ON crawl_runs (source_id, id);
        """,

        // 7: what `crawler status` shows of each crawl run: the agency (a source removed from the sources file still
        //    has a name) and how the run ended (succeeded, partial, failed). Rows are written once a run ends;
        //    problems holds each problem on its own line.
        """
        ALTER TABLE crawl_runs ADD COLUMN agency TEXT;
        ALTER TABLE crawl_runs ADD COLUMN outcome TEXT;
        """,
    ];
}
