namespace Crawler.LoadTest;

/// <summary>One agency of the simulated nation: where its 年报 column lives and what its report is.</summary>
public sealed record SimulatedAgency(int Index, string Id, string Name, int Host, string ColumnPath, string Family, string ReportFormat);
