using System.Net;
using System.Net.Sockets;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// Which resolved addresses the crawler may connect to. Government URLs come from configuration and from pages we do
/// not control, so a redirect or a DNS answer must never steer us into the operator's own network or a cloud
/// metadata endpoint. Checked for every resolved address of every hop, before connecting.
/// </summary>
public class NetworkAddressPolicy
{
    private readonly HashSet<IPAddress> exempt;

    public NetworkAddressPolicy()
        : this([])
    {
    }

    /// <summary>Exempt addresses are allowed whatever the source says (tests that need one loopback server).</summary>
    public NetworkAddressPolicy(IEnumerable<IPAddress> exemptAddresses) => exempt = [.. exemptAddresses];

    /// <summary>Why <paramref name="address"/> is refused, or null when it may be connected to.</summary>
    public string? RefusalReason(IPAddress address, bool allowPrivateNetwork)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (exempt.Contains(address)) return null;
        var (kind, alwaysRefused) = address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address.GetAddressBytes()) : ClassifyV6(address);
        if (kind is null) return null;
        if (alwaysRefused || !allowPrivateNetwork) return $"{address} is a {kind} address";
        return null;
    }

    private static (string? Kind, bool AlwaysRefused) ClassifyV4(byte[] b) => b switch
    {
        [0, ..] => ("unspecified (0.0.0.0/8)", true),
        [127, ..] => ("loopback", false),
        [10, ..] => ("private (10.0.0.0/8)", false),
        [172, >= 16 and <= 31, ..] => ("private (172.16.0.0/12)", false),
        [192, 168, ..] => ("private (192.168.0.0/16)", false),
        [169, 254, ..] => ("link-local (169.254.0.0/16)", false),
        [100, >= 64 and <= 127, ..] => ("carrier-grade NAT (100.64.0.0/10)", false),
        [192, 0, 0, _] => ("IETF protocol assignment (192.0.0.0/24)", false),
        [198, 18 or 19, ..] => ("benchmarking (198.18.0.0/15)", false),
        [>= 224 and <= 239, ..] => ("multicast", true),
        [>= 240, ..] => ("reserved (240.0.0.0/4)", true),
        _ => (null, false),
    };

    private static (string? Kind, bool AlwaysRefused) ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return ("unspecified", true);
        if (address.Equals(IPAddress.IPv6Loopback)) return ("loopback", false);
        if (address.IsIPv6Multicast) return ("multicast", true);
        if (address.IsIPv6LinkLocal) return ("link-local (fe80::/10)", false);
        if (address.IsIPv6SiteLocal) return ("site-local (fec0::/10)", false);
        if (address.IsIPv6UniqueLocal) return ("unique-local (fc00::/7)", false);
        var b = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) and IPv4-compatible (::/96) addresses carry an IPv4 address that must pass too.
        var nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        if (nat64 || compatible)
        {
            var (kind, always) = ClassifyV4(b[12..]);
            return kind is null ? (null, false) : ("IPv6-embedded " + kind, always);
        }
        return (null, false);
    }
}
