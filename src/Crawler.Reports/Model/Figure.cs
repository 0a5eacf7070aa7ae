namespace Crawler.Reports.Model;

/// <summary>
/// One cell of a report table under its stable flat key, e.g. <c>applications.newReceived.total</c>.
/// Null means the report left the cell empty ("not reported"), which is not zero.
/// </summary>
public sealed record Figure(string Key, decimal? Value, FigureKind Kind);
