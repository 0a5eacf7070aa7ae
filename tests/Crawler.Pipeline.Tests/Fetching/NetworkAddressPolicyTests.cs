using System.Net;
using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Tests.Fetching;

public sealed class NetworkAddressPolicyTests
{
    private readonly NetworkAddressPolicy policy = new();

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private (10.0.0.0/8)")]
    [InlineData("172.20.0.1", "private (172.16.0.0/12)")]
    [InlineData("192.168.1.1", "private (192.168.0.0/16)")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.100.1.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:192.168.0.1", "private (192.168.0.0/16)")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a00:1", "private (10.0.0.0/8)")]
    public void Internal_addresses_are_refused(string address, string kind)
    {
        Assert.Contains(kind, policy.RefusalReason(IPAddress.Parse(address), allowPrivateNetwork: false));
    }

    [Theory]
    [InlineData("202.108.22.5")]
    [InlineData("8.8.8.8")]
    [InlineData("2400:da00::6666")]
    [InlineData("::ffff:202.108.22.5")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(policy.RefusalReason(IPAddress.Parse(address), allowPrivateNetwork: false));
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("10.0.0.1", null)]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("239.1.1.1", "multicast")]
    public void Allowing_private_networks_still_refuses_what_is_never_a_server(string address, string? kind)
    {
        var reason = policy.RefusalReason(IPAddress.Parse(address), allowPrivateNetwork: true);
        if (kind is null) Assert.Null(reason);
        else Assert.Contains(kind, reason);
    }
}
