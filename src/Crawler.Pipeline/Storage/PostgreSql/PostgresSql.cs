using Npgsql;
using NpgsqlTypes;

namespace Crawler.Pipeline.Storage.PostgreSql;

/// <summary>Small helpers the PostgreSQL classes share: typed parameters (a null keeps its type) and UTC times.</summary>
internal static class PostgresSql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.Add(Parameter(name, value));
        return command;
    }

    public static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        Typed typed => new NpgsqlParameter(name, typed.Type) { Value = typed.Value ?? DBNull.Value },
        DateTimeOffset at => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = at.ToUniversalTime() },
        null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
        _ => new NpgsqlParameter(name, value),
    };

    /// <summary>A value with its PostgreSQL type, for nulls of a type other than text.</summary>
    public sealed record Typed(object? Value, NpgsqlDbType Type);

    public static Typed Int(int? value) => new(value, NpgsqlDbType.Integer);

    public static Typed Long(long? value) => new(value, NpgsqlDbType.Bigint);

    public static Typed Time(DateTimeOffset? value) => new(value?.ToUniversalTime(), NpgsqlDbType.TimestampTz);

    public static Typed Date(DateOnly? value) => new(value, NpgsqlDbType.Date);

    public static Typed Json(string value) => new(value, NpgsqlDbType.Json);

    public static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);
}
