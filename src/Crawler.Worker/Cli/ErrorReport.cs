using System.Text.RegularExpressions;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary>
/// Turns an exception that reached the command line into one line in the user's terms and an exit code:
/// no .NET type names, no stack trace (<c>--debug</c> prints it after the line). Other parts of the host add their
/// own failures by throwing <see cref="CommandError"/>, or by adding a case here.
/// </summary>
internal static partial class ErrorReport
{
    public static (string Message, int ExitCode) Describe(Exception exception) => exception switch
    {
        CommandError e => (e.Message, e.ExitCode),
        OperationCanceledException => ("已中断 (interrupted)", ExitCodes.Interrupted),
        OptionsValidationException e => ("配置无效 (invalid configuration): " + string.Join("; ", e.Failures), ExitCodes.Usage),
        SourceCatalogException e => (e.Message, ExitCodes.Usage),
        StorageUnavailableException e => (e.Message, ExitCodes.Failed),
        DataFolderBusyException e => (e.Message, ExitCodes.Failed),
        SqliteException e => (Sqlite(e), ExitCodes.Failed),
        Npgsql.PostgresException e => ($"PostgreSQL 状态库出错 (PostgreSQL state database error){(e.TableName is { } table ? $", table {table}" : "")}: {e.MessageText}", ExitCodes.Failed),
        Npgsql.NpgsqlException e => ("PostgreSQL 状态库出错 (PostgreSQL state database error): " + e.Message, ExitCodes.Failed),
        UnauthorizedAccessException e => ("没有权限 (permission denied): " + e.Message, ExitCodes.Failed),
        DirectoryNotFoundException e => ("找不到目录 (no such folder): " + e.Message, ExitCodes.Failed),
        FileNotFoundException e => ("找不到文件 (no such file): " + (e.FileName ?? e.Message), ExitCodes.Failed),
        IOException e when e.HResult is 28 or 0x70 => ("磁盘已满 (no space left on the disk): " + e.Message, ExitCodes.Failed),
        IOException e when e.HResult == 30 => ("文件系统是只读的 (read-only file system): " + e.Message, ExitCodes.Failed),
        IOException e => ("读写失败 (input/output error): " + e.Message, ExitCodes.Failed),
        HttpRequestException e => ("无法连接 (cannot connect): " + e.Message, ExitCodes.Failed),
        _ => ($"意外错误 (unexpected error): {exception.Message} — 加 --debug 可看详情 (run with --debug for the trace)", ExitCodes.Failed),
    };

    /// <summary>One line: line breaks in a message become spaces.</summary>
    public static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>System.CommandLine's parse errors, with the .NET type names it puts into them replaced by what was expected.</summary>
    public static string ParseError(string message)
    {
        var typed = TypedValue().Match(message);
        if (!typed.Success) return message;
        var expected = typed.Groups["type"].Value switch
        {
            var t when t.Contains("Int32", StringComparison.Ordinal) || t.Contains("Int64", StringComparison.Ordinal) => "一个整数 (a whole number, e.g. 2023)",
            var t when t.Contains("DateOnly", StringComparison.Ordinal) => "一个日期 (a date such as 2024-01-31)",
            var t when t.Contains("TimeSpan", StringComparison.Ordinal) => "一段时间 (a duration such as 00:30:00)",
            _ => "--help 所列的值之一 (one of the values --help lists)",
        };
        return $"{typed.Groups["option"].Value} 的值「{typed.Groups["value"].Value}」无效：应为{expected}";
    }

    private static string Sqlite(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => "状态数据库正被另一个进程锁定，请稍后再试 (the state database is locked by another process): " + e.Message,
        8 => "状态数据库是只读的 (the state database is read-only): " + e.Message,
        11 or 26 => "状态数据库已损坏或不是 SQLite 文件 (the state database is damaged or not a database): " + e.Message,
        13 => "磁盘已满 (no space left on the disk): " + e.Message,
        14 => "无法打开状态数据库 (cannot open the state database): " + e.Message,
        _ => "状态数据库出错 (state database error): " + e.Message,
    };

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex TypedValue();
}
