using System.Globalization;
using Crawler.Pipeline.Search;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Crawler.Pipeline.Storage.PostgreSql;

/// <summary>How one table went in <see cref="SqliteToPostgresMigration"/>: rows inserted, and rows the target already held.</summary>
public sealed record MigratedTable(string Table, long Copied, long AlreadyThere);

/// <summary>
/// <c>crawler migrate</c>: copies an embedded store (<c>state.db</c>, opened read-only) into the PostgreSQL state database.
/// The tables and columns both schemas have are copied with their ids (<c>INSERT … ON CONFLICT DO NOTHING</c>, so a second
/// run copies nothing), SQLite's text stamps and 0/1 flags becoming PostgreSQL's timestamptz, date and boolean by the
/// target column's type; the identity sequences then continue after the largest id; and each copied report text gets its
/// search row built the way <see cref="PostgresReportSearch"/> indexes (CJK bigrams), since FTS5's index cannot be copied.
/// Everything is one transaction: a failure leaves the target as it was. A target row that blocks a source row but is
/// another row (same id or key, other content: the target holds a different store) stops the migration with that row named.
/// </summary>
public sealed class SqliteToPostgresMigration
{
    /// <summary>Tables copied before the others, parents before the rows referring to them; report_texts comes last (with its search rows).</summary>
    private static readonly string[] Order = ["documents", "fetches", "reports", "report_versions", "findings", "processing", "crawl_runs", "outbox"];

    private const string Texts = "report_texts";

    /// <summary>Not copied: each store keeps its own schema version, and the search index is rebuilt from the texts.</summary>
    private static readonly HashSet<string> NotCopied = new(StringComparer.Ordinal) { "schema_version", "report_search" };

    /// <summary>Columns besides the keys that tell a row of a table keyed only by a surrogate id from another store's row of that id.</summary>
    private static readonly Dictionary<string, string[]> Identifying = new(StringComparer.Ordinal)
    {
        ["fetches"] = ["url", "fetched_at"],
        ["crawl_runs"] = ["source_id", "started_at"],
    };

    private readonly StateDatabase _source;
    private readonly PostgresDatabase _target;

    public SqliteToPostgresMigration(StateDatabase source, PostgresDatabase target)
    {
        _source = source;
        _target = target;
    }

    /// <summary>Name of the rebuilt search rows' line.</summary>
    public const string SearchRows = "report_search";

    /// <summary>
    /// Copies every shared table; the result lists them in copy order, then <see cref="SearchRows"/> (Copied = rows built).
    /// Throws <see cref="StorageUnavailableException"/> for a damaged source or a target holding other rows.
    /// </summary>
    public async Task<IReadOnlyList<MigratedTable>> RunAsync(CancellationToken cancellationToken)
    {
        await using var source = await OpenSourceAsync(cancellationToken).ConfigureAwait(false);
        await _target.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var target = await _target.OpenAsync(cancellationToken).ConfigureAwait(false);
        var sourceTables = await SourceTablesAsync(source, cancellationToken).ConfigureAwait(false);
        var targetTables = await TargetColumnsAsync(target, cancellationToken).ConfigureAwait(false);
        var shared = sourceTables.Keys.Where(t => targetTables.ContainsKey(t) && !NotCopied.Contains(t))
            .OrderBy(t => t == Texts ? 2 : Order.Contains(t) ? 0 : 1).ThenBy(t => Array.IndexOf(Order, t)).ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
        var results = new List<MigratedTable>();
        await using var transaction = await target.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long searchRows = 0;
        foreach (var table in shared)
        {
            if (table == Texts)
            {
                var (copied, there) = await CopyTextsAsync(source, target, transaction, cancellationToken).ConfigureAwait(false);
                results.Add(new MigratedTable(table, copied, there));
                searchRows = copied;
                continue;
            }
            var columns = targetTables[table].Where(c => sourceTables[table].Contains(c.Name)).ToList();
            var keys = await KeyColumnsAsync(target, transaction, table, cancellationToken).ConfigureAwait(false);
            if (Identifying.TryGetValue(table, out var more)) keys = keys.Union(more.Where(m => columns.Any(c => c.Name == m))).ToList();
            var copy = await CopyTableAsync(source, target, transaction, table, columns, keys, cancellationToken).ConfigureAwait(false);
            results.Add(copy);
            await ContinueSequencesAsync(target, transaction, table, columns, cancellationToken).ConfigureAwait(false);
            if (table == "report_versions" && copy.Copied > 0) await MarkLatestAsync(target, transaction, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (shared.Contains(Texts)) results.Add(new MigratedTable(SearchRows, searchRows, 0));
        return results;
    }

    /// <summary>The source, read-only, checked whole (PRAGMA quick_check) before anything is copied.</summary>
    private async Task<SqliteConnection> OpenSourceAsync(CancellationToken cancellationToken)
    {
        var path = _source.Layout.StateDatabase;
        if (!File.Exists(path))
        {
            throw new StorageUnavailableException($"没有找到要迁移的状态数据库 {path} (no state database to migrate: --from names a data folder holding state.db)");
        }
        try
        {
            var connection = await _source.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            var verdict = Convert.ToString(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (verdict != "ok")
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw new StorageUnavailableException($"状态数据库 {path} 已损坏 (the state database is damaged): {verdict}");
            }
            return connection;
        }
        catch (SqliteException e)
        {
            throw Damaged(path, e);
        }
    }

    private static StorageUnavailableException Damaged(string path, SqliteException e) =>
        new($"无法读取状态数据库 {path}，它已损坏或不是 SQLite 文件 (cannot read the state database: damaged or not a database): {e.Message}", e);

    private static async Task<Dictionary<string, HashSet<string>>> SourceTablesAsync(SqliteConnection source, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using (var command = source.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) tables[reader.GetString(0)] = new HashSet<string>(StringComparer.Ordinal);
        }
        foreach (var (table, columns) in tables)
        {
            await using var command = source.CreateCommand();
            command.CommandText = "SELECT name FROM pragma_table_info($table)";
            command.Parameters.AddWithValue("$table", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) columns.Add(reader.GetString(0));
        }
        return tables;
    }

    private sealed record TargetColumn(string Name, NpgsqlDbType Type);

    private static async Task<Dictionary<string, List<TargetColumn>>> TargetColumnsAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, List<TargetColumn>>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = current_schema()
            ORDER BY c.table_name, c.ordinal_position
            """, target);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns)) tables[table] = columns = [];
            columns.Add(new TargetColumn(reader.GetString(1), reader.GetString(2) switch
            {
                "bigint" => NpgsqlDbType.Bigint,
                "integer" => NpgsqlDbType.Integer,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                "date" => NpgsqlDbType.Date,
                "json" => NpgsqlDbType.Json,
                "jsonb" => NpgsqlDbType.Jsonb,
                "double precision" => NpgsqlDbType.Double,
                "bytea" => NpgsqlDbType.Bytea,
                _ => NpgsqlDbType.Text,
            }));
        }
        return tables;
    }

    /// <summary>The columns of the target table's primary key and unique constraints: a blocking row must agree on all of them to be "already there".</summary>
    private static async Task<List<string>> KeyColumnsAsync(NpgsqlConnection target, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT a.attname FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.conrelid = to_regclass(@table) AND c.contype IN ('p', 'u')
            ORDER BY a.attname
            """, target, transaction);
        command.Parameters.AddWithValue("table", table);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>Rows sent to the target in one round trip (a batch of single-row inserts, each with its own row count).</summary>
    private const int BatchRows = 500;

    private async Task<MigratedTable> CopyTableAsync(SqliteConnection source, NpgsqlConnection target, NpgsqlTransaction transaction, string table,
        List<TargetColumn> columns, List<string> keys, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var insert = $"INSERT INTO {Quote(table)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))}) ON CONFLICT DO NOTHING";
        var keyed = columns.Select((c, i) => (Column: c, Ordinal: i)).Where(x => keys.Contains(x.Column.Name)).ToList();
        long copied = 0, there = 0;
        var rows = new List<object[]>(BatchRows);

        async Task FlushAsync()
        {
            await using var batch = new NpgsqlBatch(target, transaction);
            foreach (var row in rows) batch.BatchCommands.Add(Statement(insert, columns.Select((c, i) => (c.Type, row[i]))));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var blocked = rows.Where((_, i) => batch.BatchCommands[i].RecordsAffected == 0).ToList();
            copied += rows.Count - blocked.Count;
            there += blocked.Count;
            rows.Clear();
            if (blocked.Count == 0 || keyed.Count == 0) return;
            // A blocked row is already there only when the blocking row agrees on every key; otherwise it is another store's row.
            await using var checks = new NpgsqlBatch(target, transaction);
            foreach (var row in blocked)
            {
                // "=" (not IS NOT DISTINCT FROM) so the key's index answers; a null key matches a null.
                var values = keyed.Where(k => row[k.Ordinal] is not DBNull).ToList();
                var where = keyed.Select(k => row[k.Ordinal] is DBNull ? $"{Quote(k.Column.Name)} IS NULL" : $"{Quote(k.Column.Name)} = ${values.IndexOf(k) + 1}");
                checks.BatchCommands.Add(Statement($"SELECT EXISTS (SELECT 1 FROM {Quote(table)} WHERE {string.Join(" AND ", where)})",
                    values.Select(k => (k.Column.Type, row[k.Ordinal]))));
            }
            await using var reader = await checks.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in blocked)
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (!reader.GetBoolean(0))
                {
                    throw new StorageUnavailableException(
                        $"目标库的 {table} 表已有另一行占用了 {Describe(keyed.Select(k => (k.Column.Name, row[k.Ordinal])))} (the target's {table} already holds " +
                        "a different row with this id or key: it holds another store's data; migrate into an empty database or one migrated from this state.db)");
                }
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT {names} FROM {Quote(table)} ORDER BY rowid";
        try
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(columns.Select((column, i) => Value(reader, i, column, table)).ToArray());
                if (rows.Count == BatchRows) await FlushAsync().ConfigureAwait(false);
            }
        }
        catch (SqliteException e)
        {
            throw Damaged(_source.Layout.StateDatabase, e);
        }
        if (rows.Count > 0) await FlushAsync().ConfigureAwait(false);
        return new MigratedTable(table, copied, there);
    }

    /// <summary>One statement of a batch, its positional parameters typed by the target's columns.</summary>
    private static NpgsqlBatchCommand Statement(string sql, IEnumerable<(NpgsqlDbType Type, object Value)> values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (type, value) in values) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value });
        return command;
    }

    /// <summary>SQLite's value as the target column's type: text stamps become times and dates, 0/1 booleans.</summary>
    private static object Value(SqliteDataReader reader, int ordinal, TargetColumn column, string table)
    {
        if (reader.IsDBNull(ordinal)) return DBNull.Value;
        try
        {
            return column.Type switch
            {
                NpgsqlDbType.Bigint => reader.GetInt64(ordinal),
                NpgsqlDbType.Integer => reader.GetInt32(ordinal),
                NpgsqlDbType.Smallint => reader.GetInt16(ordinal),
                NpgsqlDbType.Boolean => reader.GetInt64(ordinal) != 0,
                NpgsqlDbType.TimestampTz => StateDatabase.ParseStamp(reader.GetString(ordinal)),
                NpgsqlDbType.Date => DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                NpgsqlDbType.Double => reader.GetDouble(ordinal),
                NpgsqlDbType.Bytea => (byte[])reader.GetValue(ordinal),
                _ => reader.GetString(ordinal),
            };
        }
        catch (FormatException e)
        {
            throw new StorageUnavailableException(
                $"状态数据库的 {table}.{column.Name} 有一个无法读取的值「{reader.GetValue(ordinal)}」(a value of the state database that is not a {column.Type}): {e.Message}", e);
        }
    }

    /// <summary>report_texts: each text the target lacks is written with its search row (CJK bigrams), as the PostgreSQL store indexes.</summary>
    private async Task<(long Copied, long AlreadyThere)> CopyTextsAsync(SqliteConnection source, NpgsqlConnection target, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        // The texts already there, read once (a version id each), rather than asked for row by row.
        var present = new HashSet<long>();
        await using (var ids = new NpgsqlCommand("SELECT version_id FROM report_texts", target, transaction))
        await using (var found = await ids.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await found.ReadAsync(cancellationToken).ConfigureAwait(false)) present.Add(found.GetInt64(0));
        }
        long copied = 0, there = 0;
        await using var read = source.CreateCommand();
        read.CommandText = "SELECT version_id, text FROM report_texts ORDER BY version_id";
        try
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                if (present.Contains(id))
                {
                    there++;
                    continue;
                }
                await PostgresReportSearch.IndexAsync(target, transaction, id, reader.GetString(1), cancellationToken).ConfigureAwait(false);
                copied++;
            }
        }
        catch (SqliteException e)
        {
            throw Damaged(_source.Layout.StateDatabase, e);
        }
        return (copied, there);
    }

    /// <summary>
    /// A report's latest version is its highest: a version copied by a later run (the SQLite worker stored it after the
    /// first copy) supersedes the one copied before, whose is_latest was copied as true.
    /// </summary>
    private static async Task MarkLatestAsync(NpgsqlConnection target, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE report_versions v SET is_latest = (v.version = m.latest)
            FROM (SELECT report_id, MAX(version) AS latest FROM report_versions GROUP BY report_id) m
            WHERE m.report_id = v.report_id AND v.is_latest IS DISTINCT FROM (v.version = m.latest)
            """, target, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each identity (or serial) column's sequence continues after the table's largest value, so new rows never take a copied id.</summary>
    private static async Task ContinueSequencesAsync(NpgsqlConnection target, NpgsqlTransaction transaction, string table, List<TargetColumn> columns,
        CancellationToken cancellationToken)
    {
        foreach (var column in columns.Where(c => c.Type is NpgsqlDbType.Bigint or NpgsqlDbType.Integer))
        {
            await using var command = new NpgsqlCommand($"""
                SELECT setval(s.name, m.value)
                FROM (SELECT pg_get_serial_sequence(@table, @column) AS name) s, (SELECT MAX({Quote(column.Name)}) AS value FROM {Quote(table)}) m
                WHERE s.name IS NOT NULL AND m.value IS NOT NULL
                """, target, transaction);
            command.Parameters.AddWithValue("table", table);
            command.Parameters.AddWithValue("column", column.Name);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(IEnumerable<(string Name, object Value)> values) =>
        string.Join(", ", values.Select(v => $"{v.Name}={Convert.ToString(v.Value is DBNull ? "null" : v.Value, CultureInfo.InvariantCulture)}"));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
