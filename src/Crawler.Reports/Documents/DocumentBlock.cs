namespace Crawler.Reports.Documents;

/// <summary>A paragraph or a table, in reading order.</summary>
public abstract record DocumentBlock;
