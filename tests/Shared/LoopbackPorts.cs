using System.Net;
using System.Net.Sockets;

namespace Crawler.Tests.Shared;

/// <summary>Loopback ports for servers and child processes a test starts.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 right now (bound and released; nothing listens on it until the caller does).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
