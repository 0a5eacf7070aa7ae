namespace Crawler.Reports.Model;

/// <summary>
/// In every column, <see cref="TotalRow"/> is the sum of <see cref="Parts"/> (T3_RESULT_TOTAL: （七）总计 = every
/// result row). Parts a layout's substitution replaced are stood for by its row. <see cref="PartsName"/> names the
/// parts in messages (各项办理结果). Where = <c>{table}.columns.{column}</c>.
/// </summary>
public sealed record ColumnTotalRule(string Code, string Table, string TotalRow, IReadOnlyList<string> Parts, string PartsName)
    : ConsistencyRule(Code, Table);
