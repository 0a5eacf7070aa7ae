namespace Crawler.Reports.Model;

/// <summary>
/// A row of an older template that reports of this template still print in place of some of its rows: the 2019
/// single row （六）其他处理 instead of the three 2021 sub-rows. The layout then holds the row (it stands for the
/// replaced rows in every rule), the replaced rows stay null (absent, not blank), and the report gets a
/// TEMPLATE_MIXED finding at <c>{Table}.{Row.Key}</c> with <see cref="Message"/>.
/// </summary>
public sealed record RowSubstitution(string Table, RowDefinition Row, IReadOnlyList<string> Replaces, string Message)
{
    public string Where => $"{Table}.{Row.Key}";
}
