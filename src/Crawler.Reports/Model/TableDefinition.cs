namespace Crawler.Reports.Model;

/// <summary>A template table: its JSON key (activeDisclosure, applications, reviewAndLitigation), title and rows.</summary>
public sealed record TableDefinition(string Key, string Title, IReadOnlyList<RowDefinition> Rows)
{
    public RowDefinition? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);
}
