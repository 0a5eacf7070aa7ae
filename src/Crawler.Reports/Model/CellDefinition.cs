namespace Crawler.Reports.Model;

/// <summary>A column of a template table: its JSON key, its printed label and its kind.</summary>
public sealed record CellDefinition(string Key, string Label, FigureKind Kind = FigureKind.Count);
