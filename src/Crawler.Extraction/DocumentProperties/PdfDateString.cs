using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.Extraction.DocumentProperties;

/// <summary>
/// A PDF date string (ISO 32000 §7.9.4: <c>D:YYYYMMDDHHmmSSOHH'mm'</c>) read as leniently as pdfinfo reads it: trailing
/// fields may be missing, producers write <c>Z'</c> or <c>+06'41'</c>, and a date without an offset is taken
/// as Beijing time (the producers of these reports run on Chinese desktops).
/// </summary>
internal static partial class PdfDateString
{
    public static DateTimeOffset? Parse(string? value)
    {
        if (value is null) return null;
        var match = Pattern().Match(value);
        if (!match.Success) return null;
        int Part(string name, int fallback) =>
            match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var (year, month, day) = (Part("y", 0), Part("mo", 1), Part("d", 1));
        var (hour, minute, second) = (Part("h", 0), Part("mi", 0), Part("s", 0));
        if (year < 1990 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
        var offset = match.Groups["z"].Value switch
        {
            "Z" => TimeSpan.Zero,
            "+" or "-" => (match.Groups["z"].Value == "-" ? -1 : 1) * new TimeSpan(Part("oh", 0), Part("om", 0), 0),
            _ => TimeSpan.FromHours(8),
        };
        if (offset.Duration() > TimeSpan.FromHours(14)) return null;
        return new DateTimeOffset(year, month, day, hour, minute, second, offset);
    }

    [GeneratedRegex(@"^\s*(?:D:)?(?<y>\d{4})(?<mo>\d{2})?(?<d>\d{2})?(?<h>\d{2})?(?<mi>\d{2})?(?<s>\d{2})?(?:(?<z>[Z+\-])(?:(?<oh>\d{2})'?(?<om>\d{2})?'?)?)?")]
    private static partial Regex Pattern();
}
