using System.Net;

namespace Crawler.Pipeline.Fetching;

/// <summary>Raised inside the connect callback so that no socket is opened; turned into a FetchedResponse.Error.</summary>
internal sealed class RefusedAddressException(string host, IPAddress address, string reason)
    : Exception($"refused to connect to {host} ({address}): {reason}; set allowPrivateNetwork on the source to permit it")
{
    public IPAddress Address { get; } = address;
}
