using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Stable Elasticsearch ids: the same agency, year and content always give the same id, so a reindex or a
/// redelivered outbox message overwrites instead of duplicating.
/// </summary>
public static class ReportDocumentId
{
    /// <summary>32 hex characters of SHA-256("agency|year|sha256"); an unknown year is written as empty.</summary>
    public static string For(string agency, int? year, string contentSha256)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{agency}|{year}|{contentSha256.ToLowerInvariant()}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    /// <summary>One id per report (agency + year), shared by all its versions: lets Kibana group versions.</summary>
    public static string ReportKey(string agency, int? year)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{agency}|{year}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
