using System.Net;
using System.Net.Sockets;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// The HTTP handler's connect step: resolves the host itself, checks every address against the
/// <see cref="NetworkAddressPolicy"/>, and only then connects to exactly those addresses. Because it runs for every
/// connection, every redirect hop is checked too, and a DNS answer cannot change between check and connect.
/// </summary>
internal sealed class AddressCheckingConnector(NetworkAddressPolicy policy, bool allowPrivateNetwork)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0) throw new HttpRequestException($"{host} has no addresses");
        foreach (var address in addresses)
        {
            var reason = policy.RefusalReason(address, allowPrivateNetwork);
            if (reason is not null) throw new RefusedAddressException(host, address, reason);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
