using System.Net;
using System.Net.Sockets;

namespace Ombudsman.Testing;

/// <summary>Hands out free loopback TCP ports for servers a test starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
