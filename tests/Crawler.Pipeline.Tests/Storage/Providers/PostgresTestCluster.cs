using Npgsql;

namespace Crawler.Pipeline.Tests.Storage.Providers;

/// <summary>
/// The throw-away PostgreSQL cluster tests/run.sh (or <c>source tests/pg-cluster.sh start</c>) starts, named by
/// <see cref="EnvironmentVariable"/>: a new empty database per test, dropped after it. Linked into the Worker tests too.
/// </summary>
internal static class PostgresTestCluster
{
    public const string EnvironmentVariable = "CRAWLER_TEST_POSTGRES";

    public static string? Admin => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => Admin is null
        ? $"PostgreSQL not available: {EnvironmentVariable} is not set (tests/run.sh sets it after starting a throw-away cluster; install postgresql with ops/install-deps.sh --with-test-tools)"
        : null;

    /// <summary>A new empty database on the test cluster; dropped by <see cref="DropDatabaseAsync"/>.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = Admin ?? throw new InvalidOperationException(SkipReason);
        var name = "crawler_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>The connection string of one database on the cluster.</summary>
    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Admin) { Database = database }.ConnectionString;

    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
