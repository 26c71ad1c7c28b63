using System.Net;
using System.Net.Sockets;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>A URL on 127.0.0.1 where nothing listens, so connecting is refused at once.</summary>
public static class ClosedPort
{
    public static string Url()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
