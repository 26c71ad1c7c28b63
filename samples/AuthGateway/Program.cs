// Custom auth written in C#, in front of a LangGraph server that has none (self-hosted Lite, `langgraph dev`, the JS
// server): LangGraph's "Add custom authentication" handler (x-api-key -> identity plus the user's tokens) runs in the
// gateway of LangGraph.Sdk.Auth.AspNetCore, and every request is authenticated and authorized before it is proxied.
//
//   dotnet run --project samples/AuthGateway                  serves the gateway (ASPNETCORE_URLS, default
//                                                             http://localhost:5000) in front of LANGGRAPH_UPSTREAM_URL,
//                                                             or of the bundled no-auth dev server when that is not set
//   dotnet run --project samples/AuthGateway -- --self-test   starts the gateway on a free port and checks it end to end
//                                                             with LangGraphClient and RemoteGraph as alice and bob
//                                                             (exit code 0 when every check passed)
using System;
using System.Linq;
using AuthGateway;
using LangGraph.Sdk.Testing;

if (args.Contains("--self-test", StringComparer.Ordinal))
{
    return await SelfTest.RunAsync();
}

var upstream = Environment.GetEnvironmentVariable("LANGGRAPH_UPSTREAM_URL");
LangGraphDevServer? server = null;
if (string.IsNullOrWhiteSpace(upstream))
{
    Console.WriteLine("LANGGRAPH_UPSTREAM_URL is not set: starting the bundled LangGraph dev server without auth (tests/server)...");
    server = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions
    {
        ConfigFile = LangGraphDevServerOptions.NoAuthConfig,
        Log = line => Console.WriteLine("  " + line),
    });
    upstream = server.Url.ToString();
}

try
{
    var app = GatewayApp.Build(args, new Uri(upstream));
    Console.WriteLine($"Gateway in front of {upstream}; try: curl -H 'x-api-key: key-alice' -X POST <gateway>/threads -d '{{}}' -H 'content-type: application/json'");
    await app.RunAsync();
    return 0;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}
