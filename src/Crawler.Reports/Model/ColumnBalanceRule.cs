namespace Crawler.Reports.Model;

/// <summary>
/// In every column, the rows of <see cref="Left"/> add up to the rows of <see cref="Right"/> (T3_BALANCE:
/// 本年新收 + 上年结转 = 办理结果总计 + 结转下年度, the rule printed in table 3's own header). Where = <c>{table}.columns.{column}</c>.
/// </summary>
public sealed record ColumnBalanceRule(string Code, string Table, IReadOnlyList<string> Left, IReadOnlyList<string> Right)
    : ConsistencyRule(Code, Table);
