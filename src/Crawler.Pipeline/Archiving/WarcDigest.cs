using System.Text;

namespace Crawler.Pipeline.Archiving;

/// <summary>
/// WARC digest labels: <c>sha256:</c> and the RFC 4648 base32 form of the hash (upper case, padded),
/// as Python's <c>base64.b32encode</c> and warcio write them.
/// </summary>
public static class WarcDigest
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Sha256(ReadOnlySpan<byte> hash) => "sha256:" + Base32(hash);

    public static string Sha256FromHex(string hex) => Sha256(Convert.FromHexString(hex));

    public static string Base32(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length + 4) / 5 * 8);
        for (var offset = 0; offset < data.Length; offset += 5)
        {
            var count = Math.Min(5, data.Length - offset);
            ulong group = 0;
            for (var i = 0; i < 5; i++) group = (group << 8) | (i < count ? data[offset + i] : 0u);
            var symbols = (count * 8 + 4) / 5;
            for (var i = 0; i < 8; i++)
            {
                text.Append(i < symbols ? Alphabet[(int)((group >> (35 - i * 5)) & 31)] : '=');
            }
        }
        return text.ToString();
    }
}
