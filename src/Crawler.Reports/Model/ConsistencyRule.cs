namespace Crawler.Reports.Model;

/// <summary>
/// A consistency rule (勾稽关系) a template declares over one of its tables, with the stable code its findings
/// carry. Declarations only: <c>Crawler.Reports.Validation</c> evaluates them, never with a null operand.
/// </summary>
public abstract record ConsistencyRule(string Code, string Table);
