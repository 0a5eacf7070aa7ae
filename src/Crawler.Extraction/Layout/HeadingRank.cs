using System.Text.RegularExpressions;

namespace Crawler.Extraction.Layout;

/// <summary>
/// The numbering level of a label in the official-document hierarchy (GB/T 9704): 一、 then （一） then 1．
/// A row labelled （七）总计 is at the level of the group label （三）不予公开, not inside it; a row labelled
/// 1．属于国家秘密 is inside both 三、本年度办理结果 and （三）不予公开. Null when the label has no number.
/// </summary>
internal static partial class HeadingRank
{
    public static int? Of(string text)
    {
        var t = text.Trim();
        if (RankZero().IsMatch(t)) return 0;
        if (RankOne().IsMatch(t)) return 1;
        if (RankTwo().IsMatch(t)) return 2;
        return null;
    }

    public static bool StartsAtOne(string text) => FirstItem().IsMatch(text.Trim());

    [GeneratedRegex(@"^[1１lI]\s*[.．、,，]")]
    private static partial Regex FirstItem();

    [GeneratedRegex(@"^[一二三四五六七八九十]+\s*[、.．]")]
    private static partial Regex RankZero();

    [GeneratedRegex(@"^[（(]\s*[一二三四五六七八九十]+\s*[)）]")]
    private static partial Regex RankOne();

    [GeneratedRegex(@"^[0-9０-９lI]{1,2}\s*[.．、,，]")]
    private static partial Regex RankTwo();
}
