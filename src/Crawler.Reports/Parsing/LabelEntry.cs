namespace Crawler.Reports.Parsing;

/// <summary>
/// One label of a template table: the key, the template's wording, the ordinal it is printed with
/// (null when the template prints none), and printings that are accepted as synonyms (still LABEL_VARIANT).
/// </summary>
internal sealed record LabelEntry(string Key, string Label, string? Ordinal = null, params string[] Synonyms)
{
    public string Normalized { get; } = LabelText.Normalize(Label);
}
