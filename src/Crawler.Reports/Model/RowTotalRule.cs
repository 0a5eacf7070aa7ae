namespace Crawler.Reports.Model;

/// <summary>
/// In every row, <see cref="TotalCell"/> is the sum of the row's other cells (T3_ROW_TOTAL: 总计 = the six
/// applicant columns; T4_GROUP_TOTAL: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结). Where = <c>{table}.{row}</c>.
/// </summary>
public sealed record RowTotalRule(string Code, string Table, string TotalCell) : ConsistencyRule(Code, Table);
