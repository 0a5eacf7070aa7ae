using Crawler.Reports.Documents;

namespace Crawler.Reports.Publication;

/// <summary>
/// The date under the signature (落款) at the end of a report: a short last paragraph that is a date, or the
/// agency's name followed by a date (聊城市商务局 2024年1月25日, 二〇二四年一月二十五日).
/// </summary>
public static class SignatureDate
{
    /// <summary>How far from the end the signature may sit (page furniture, 附件 lines and contact details follow it).</summary>
    private const int ParagraphsFromEnd = 12;

    private const int MaxLength = 40;

    public static PublicationDate? Find(ReportDocument document)
    {
        var paragraphs = document.Paragraphs.Select(p => p.Text.Trim()).Where(t => t.Length > 0).TakeLast(ParagraphsFromEnd).Reverse();
        foreach (var text in paragraphs)
        {
            if (FromLine(text) is { } date) return new PublicationDate(date, DateSource.Signature, text);
        }
        return null;
    }

    /// <summary>A date that ends the line, preceded by nothing or by a name only (no label, colon or range).</summary>
    public static DateOnly? FromLine(string line)
    {
        var compact = string.Concat(line.Where(c => !char.IsWhiteSpace(c)));
        if (compact.Length is 0 or > MaxLength) return null;
        var dates = DateText.FindAll(compact).ToList();
        if (dates.Count != 1) return null;
        var (date, index, length) = dates[0];
        var end = compact[(index + length)..].TrimEnd('。', '.', ')', '）');
        if (end.Length > 0) return null;
        var before = compact[..index];
        // 发布日期：… is the page's date line, 统计时间… a period, 第…页 furniture: not a signature.
        if (before.IndexOfAny([':', '：', '至', '-', '—', '（', '(']) >= 0 || before.Contains("日期", StringComparison.Ordinal)
            || before.Contains("时间", StringComparison.Ordinal) || before.Any(char.IsAsciiDigit)) return null;
        return date;
    }
}
