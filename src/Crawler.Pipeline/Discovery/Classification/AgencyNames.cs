using System.Text.RegularExpressions;

namespace Crawler.Pipeline.Discovery.Classification;

/// <summary>
/// Report columns of a city portal list every department's report. A link that names an agency (…局, …办公室,
/// …人民政府) belongs to the source only when that name is part of the source's agency name or contains it
/// (环翠区商务局 ⊂ 威海市环翠区商务局); a link naming no agency at all is given the benefit of the doubt.
/// </summary>
public static partial class AgencyNames
{
    public static bool MayBelongTo(string? label, string agency)
    {
        var text = ReportClassifier.Normalize(label);
        var named = false;
        foreach (Match match in AgencyName().Matches(text))
        {
            named = true;
            var name = match.Value;
            if (agency.Contains(name, StringComparison.Ordinal) || name.Contains(agency, StringComparison.Ordinal)) return true;
        }
        return !named;
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]+?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局|厅)")]
    private static partial Regex AgencyName();
}
