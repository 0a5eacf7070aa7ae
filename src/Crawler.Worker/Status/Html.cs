using System.Globalization;
using System.Net;
using System.Text;

namespace Crawler.Worker.Status;

/// <summary>Text into HTML (attributes and content), and the formats the status pages print dates and numbers in.</summary>
internal static class Html
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A query-string value.</summary>
    public static string Q(string text) => Uri.EscapeDataString(text);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment in Beijing time, to the minute.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Number(decimal? value) => value is { } v ? v.ToString(v == decimal.Truncate(v) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture) : "—";

    public static StringBuilder AppendE(this StringBuilder html, string? text) => html.Append(E(text));
}
